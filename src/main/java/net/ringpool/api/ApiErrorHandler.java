package net.ringpool.api;

import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

/** Every error leaves the API in one of Invoca's shapes: {@code {"errors": {...}}}. */
@RestControllerAdvice
class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException ex) {
        return ResponseEntity.status(ex.status()).body(ex.body());
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<Object> input(ServerWebInputException ex) {
        if (causedBy(ex, DataBufferLimitException.class)) {
            return api(ApiException.classed(HttpStatus.PAYLOAD_TOO_LARGE, "PayloadTooLarge",
                    "The request body is larger than this API accepts."));
        }
        return api(ApiException.classed(HttpStatus.BAD_REQUEST, "BadRequest",
                "The request body is not a JSON object."));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Object> status(ResponseStatusException ex) {
        HttpStatus status = HttpStatus.resolve(ex.getStatusCode().value());
        HttpStatus known = status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
        return api(ApiException.classed(known, known.name(), known.getReasonPhrase()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        long handle = ThreadLocalRandom.current().nextLong(1_000_000_000L, 10_000_000_000L);
        log.error("error handle {}", handle, ex);
        return api(ApiException.classed(HttpStatus.INTERNAL_SERVER_ERROR, "InternalServiceError",
                "refer to error handle " + handle));
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
