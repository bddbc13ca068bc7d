package net.ringpool.client;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * An API answer that is not a success, in words for an outcome message: Invoca's error shapes
 * ({@code {"errors":{"name":["can't be blank"]}}}, {@code {"errors":{"class":..., "invalid_data":...}}},
 * a singular {@code "error"}) become {@code name: can't be blank} or {@code RecordNotFound: Could not find ...};
 * anything else is shown shortened.
 */
public final class ApiError {

    private static final int MAX_RAW = 300;
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private ApiError() {
    }

    public static String describe(ApiResult result) {
        if (result.status() == 0) {
            return result.failure();
        }
        String body = result.body() == null ? "" : result.body().strip();
        String described = fromJson(body);
        if (described != null) {
            return described;
        }
        if (body.isEmpty()) {
            return "HTTP " + result.status();
        }
        return "HTTP " + result.status() + ": " + (body.length() > MAX_RAW ? body.substring(0, MAX_RAW) + "…" : body);
    }

    private static String fromJson(String body) {
        if (!body.startsWith("{")) {
            return null;
        }
        Object parsed;
        try {
            parsed = JSON.readValue(body, Object.class);
        } catch (JacksonException notJson) {
            return null;
        }
        if (!(parsed instanceof Map<?, ?> root)) {
            return null;
        }
        Object errors = root.containsKey("errors") ? root.get("errors") : root.get("error");
        if (errors instanceof String text && !text.isBlank()) {
            return text;
        }
        if (!(errors instanceof Map<?, ?> map) || map.isEmpty()) {
            return null;
        }
        if (map.containsKey("class") || map.containsKey("invalid_data")) {
            Object errorClass = map.get("class");
            Object data = map.get("invalid_data");
            return errorClass == null ? String.valueOf(data) : errorClass + ": " + data;
        }
        return map.entrySet().stream()
                .map(entry -> entry.getKey() + ": " + messages(entry.getValue()))
                .collect(Collectors.joining("; "));
    }

    private static String messages(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return String.valueOf(value);
    }
}
