package net.ringpool.api;

import static net.ringpool.pool.RingPoolField.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.ringpool.pool.LocalCenter;
import net.ringpool.pool.RingPool;
import net.ringpool.pool.RingPoolValidator;
import net.ringpool.pool.Validation;

/**
 * Reads a RingPool from a request body and writes one as the seed's GET example shows it. Numbers and
 * booleans are accepted as JSON strings too, as in the seed's Local RingPool example.
 */
final class RingPoolJson {

    private RingPoolJson() {
    }

    /**
     * Validates a request body; throws the 403 Invoca would answer.
     *
     * @param idFromNetworkRequired false where the network generates ids
     */
    static RingPool read(Map<String, Object> body, boolean idFromNetworkRequired) {
        Map<String, String> fields = new LinkedHashMap<>();
        RingPoolValidator.Errors shapeErrors = new RingPoolValidator.Errors();
        for (String field : writableScalars()) {
            if (field.startsWith(LOCAL_CENTER + "_")) {
                continue;
            }
            Object value = body.get(field);
            if (value instanceof Map<?, ?> || value instanceof List<?>) {
                shapeErrors.add(field, "must be a single value");
            } else if (value != null) {
                fields.put(field, scalarText(value));
            }
        }
        readLocalCenter(body.get(LOCAL_CENTER), fields, shapeErrors);
        List<String> whitelist = readWhitelist(body.get(TN_PREFIX_WHITELIST), shapeErrors);

        Validation validation = RingPoolValidator.validate(fields, whitelist, idFromNetworkRequired);
        if (!shapeErrors.isEmpty() || !validation.isValid()) {
            Map<String, List<String>> all = new LinkedHashMap<>(shapeErrors.byField());
            validation.errors().forEach((field, messages) -> all.merge(field, messages, (a, b) -> {
                List<String> merged = new ArrayList<>(a);
                merged.addAll(b);
                return merged;
            }));
            throw ApiException.fieldErrors(all);
        }
        return validation.pool();
    }

    /** The response body: every property of the seed's GET example, plus the local settings of a Local RingPool. */
    static Map<String, Object> write(RingPool pool) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", pool.id());
        json.put(ID_FROM_NETWORK, pool.idFromNetwork());
        json.put(POOL_TYPE, pool.poolType());
        json.put(IS_FIRST_PREFERENCE, pool.isFirstPreference());
        json.put(DESTINATION_URL, emptyIfNull(pool.destinationUrl()));
        json.put("object_url", pool.objectUrl());
        json.put(PREFERRED, pool.preferred());
        json.put("sample_api_url", pool.sampleApiUrl());
        json.put(DESTINATION_TYPE, pool.destinationType());
        json.put(LIFETIME_SECONDS, pool.lifetimeSeconds());
        json.put(NAME, pool.name());
        for (int i = 1; i <= RingPool.PARAM_COUNT; i++) {
            json.put(param(i), pool.param(i));
        }
        json.put(MAX_POOL_SIZE, pool.maxPoolSize());
        json.put(TRACKING_URL, emptyIfNull(pool.trackingUrl()));
        json.put("test_click_url", pool.testClickUrl());
        json.put("api_key", pool.apiKey());
        LocalCenter center = pool.localCenter();
        if (center != null) {
            Map<String, Object> centerJson = new LinkedHashMap<>();
            putIfPresent(centerJson, "tn_prefix", center.tnPrefix());
            putIfPresent(centerJson, "zipcode", center.zipcode());
            putIfPresent(centerJson, "latitude", center.latitude());
            putIfPresent(centerJson, "longitude", center.longitude());
            json.put(LOCAL_CENTER, centerJson);
        }
        if (!pool.tnPrefixWhitelist().isEmpty()) {
            json.put(TN_PREFIX_WHITELIST, pool.tnPrefixWhitelist());
        }
        return json;
    }

    private static void readLocalCenter(Object value, Map<String, String> fields, RingPoolValidator.Errors errors) {
        if (value == null) {
            return;
        }
        if (!(value instanceof Map<?, ?> center)) {
            errors.add(LOCAL_CENTER, "must be an object with tn_prefix, zipcode, or latitude and longitude");
            return;
        }
        boolean malformed = false;
        boolean filled = false;
        for (Map.Entry<?, ?> entry : center.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (!LOCAL_CENTER_KEYS.contains(key)) {
                throw ApiException.recordInvalid("Invalid Key in Local Center.");
            }
            Object part = entry.getValue();
            if (part instanceof Map<?, ?> || part instanceof List<?>) {
                errors.add(LOCAL_CENTER + "_" + key, "must be a single value");
                malformed = true;
            } else if (part != null) {
                String text = scalarText(part);
                fields.put(LOCAL_CENTER + "_" + key, text);
                filled |= !text.isBlank();
            }
        }
        // {"zipcode": ""} asks for a Local RingPool as much as a filled one does: refuse it rather than
        // silently create a pool that is not local
        if (!malformed && !filled) {
            errors.add(LOCAL_CENTER, "needs one of tn_prefix, zipcode, or latitude and longitude");
        }
    }

    private static List<String> readWhitelist(Object value, RingPoolValidator.Errors errors) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> entries)) {
            errors.add(TN_PREFIX_WHITELIST, "must be an array of strings");
            return List.of();
        }
        List<String> whitelist = new ArrayList<>();
        for (Object entry : entries) {
            whitelist.add(entry == null ? "null" : scalarText(entry));
        }
        return whitelist;
    }

    /** A JSON scalar as text; decimals in plain notation, since 1.0E-7 would not read as a number. */
    private static String scalarText(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Double number && Double.isFinite(number)) {
            return BigDecimal.valueOf(number).toPlainString();
        }
        return String.valueOf(value);
    }

    private static String emptyIfNull(String value) {
        return value == null ? "" : value;
    }

    private static void putIfPresent(Map<String, Object> json, String key, Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }
}
