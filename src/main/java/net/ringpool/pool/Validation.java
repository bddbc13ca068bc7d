package net.ringpool.pool;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The result of validating a pool: the parsed pool, or every problem by field. */
public record Validation(RingPool pool, Map<String, List<String>> errors) {

    public static Validation valid(RingPool pool) {
        return new Validation(pool, Map.of());
    }

    public static Validation invalid(Map<String, List<String>> errors) {
        return new Validation(null, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(errors)));
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    /** One line naming every bad field, e.g. {@code name: can't be blank; max_pool_size: is not a whole number}. */
    public static String describe(Map<String, List<String>> errors) {
        return errors.entrySet().stream()
                .map(e -> e.getKey() + ": " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("; "));
    }
}
