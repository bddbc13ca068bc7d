package net.ringpool.api;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/** Every error leaves the API in one of Invoca's shapes: {@code {"errors": {...}}}. */
@RestControllerAdvice
class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    private final DataSize maxBody;

    ApiErrorHandler(@Value("${spring.http.codecs.max-in-memory-size:256KB}") DataSize maxBody) {
        this.maxBody = maxBody;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException ex) {
        return ResponseEntity.status(ex.status()).body(ex.body());
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<Object> input(ServerWebInputException ex) {
        if (causedBy(ex, DataBufferLimitException.class)) {
            return api(tooLarge());
        }
        return api(ApiException.classed(HttpStatus.BAD_REQUEST, "BadRequest",
                "The request body is not a JSON object."));
    }

    /** Errors Spring raises before a controller runs: unknown paths, methods, media types, oversized bodies. */
    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Object> status(ResponseStatusException ex, ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        String route = "[" + request.getMethod().name() + "] \"" + request.getPath().value() + "\"";
        ApiException answer;
        if (ex instanceof NoResourceFoundException) {
            // Rails' words for the same condition, as Invoca's own stack would answer them
            answer = ApiException.classed(HttpStatus.NOT_FOUND, "RoutingError", "No route matches " + route);
        } else if (ex instanceof MethodNotAllowedException notAllowed) {
            answer = ApiException.classed(HttpStatus.METHOD_NOT_ALLOWED, "MethodNotAllowed",
                    "No route matches " + route + "; this path answers " + notAllowed.getSupportedMethods().stream()
                            .map(HttpMethod::name).sorted().collect(Collectors.joining(", ")));
        } else if (ex instanceof UnsupportedMediaTypeStatusException) {
            String sent = request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
            answer = ApiException.classed(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UnsupportedMediaType",
                    "This API reads JSON only: send the body as application/json (Content-Type was "
                            + (sent == null ? "missing" : sent) + ").");
        } else if (ex.getStatusCode().value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            answer = tooLarge();
        } else {
            HttpStatus status = HttpStatus.resolve(ex.getStatusCode().value());
            HttpStatus known = status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
            answer = ApiException.classed(known, className(known), known.getReasonPhrase());
        }
        // keeps Allow of a 405 and Accept of a 415
        return ResponseEntity.status(answer.status()).headers(ex.getHeaders()).body(answer.body());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        long handle = ThreadLocalRandom.current().nextLong(1_000_000_000L, 10_000_000_000L);
        log.error("error handle {}", handle, ex);
        return api(ApiException.classed(HttpStatus.INTERNAL_SERVER_ERROR, "InternalServiceError",
                "refer to error handle " + handle));
    }

    private ApiException tooLarge() {
        return ApiException.classed(HttpStatus.CONTENT_TOO_LARGE, "PayloadTooLarge",
                "The request body is larger than the " + maxBody.toBytes() + " bytes this API accepts.");
    }

    /** NOT_ACCEPTABLE becomes NotAcceptable, in the style of Invoca's error classes. */
    private static String className(HttpStatus status) {
        StringBuilder name = new StringBuilder();
        for (String word : status.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }

    private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
