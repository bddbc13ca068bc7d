package net.ringpool.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/** An answer in one of Invoca's documented error shapes, raised anywhere in a request. */
class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final Map<String, Object> errors;

    private ApiException(HttpStatus status, Map<String, Object> errors, String message) {
        super(message);
        this.status = status;
        this.errors = errors;
    }

    /** 403 with a map of field to messages, as Invoca answers validation errors. */
    static ApiException fieldErrors(Map<String, List<String>> byField) {
        return new ApiException(HttpStatus.FORBIDDEN, new LinkedHashMap<>(byField), "validation failed");
    }

    /** 403 RecordInvalid, e.g. "Invalid Key in Local Center.". */
    static ApiException recordInvalid(String invalidData) {
        return classed(HttpStatus.FORBIDDEN, "RecordInvalid", invalidData);
    }

    static ApiException notFound(String invalidData) {
        return classed(HttpStatus.NOT_FOUND, "RecordNotFound", invalidData);
    }

    static ApiException notAuthorized() {
        return classed(HttpStatus.UNAUTHORIZED, "NotAuthorized", "Not authorized");
    }

    static ApiException classed(HttpStatus status, String errorClass, String invalidData) {
        Map<String, Object> errors = new LinkedHashMap<>();
        errors.put("class", errorClass);
        errors.put("invalid_data", invalidData);
        return new ApiException(status, errors, errorClass + ": " + invalidData);
    }

    HttpStatus status() {
        return status;
    }

    Map<String, Object> body() {
        return Map.of("errors", errors);
    }
}
