package net.ringpool.importing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.ringpool.pool.RingPoolField;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's answers about pools: the elements of a list by id_from_network, their ids alone, the pool of a GET
 * ({@link ApiPool}, which compares with a row through the same CSV cells and validator as an import row).
 */
final class ApiPools {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private ApiPools() {
    }

    /** The elements of a list answer by id_from_network, as parsed JSON; elements without an id are left out. */
    static Map<String, Map<?, ?>> elementsById(String body) {
        Map<String, Map<?, ?>> elements = new HashMap<>();
        if (parse(body) instanceof List<?> list) {
            for (Object element : list) {
                if (element instanceof Map<?, ?> json && json.get(RingPoolField.ID_FROM_NETWORK) instanceof String id) {
                    elements.put(id, json);
                }
            }
        }
        return elements;
    }

    /**
     * The id_from_network of every element of a list answer, picked out without building the elements; null
     * when the answer is not a JSON array of objects. Elements without an id are left out.
     */
    static Set<String> ids(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            Set<String> ids = new HashSet<>();
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
                String name;
                while ((name = parser.nextName()) != null) {
                    JsonToken value = parser.nextToken();
                    if (RingPoolField.ID_FROM_NETWORK.equals(name) && value == JsonToken.VALUE_STRING) {
                        ids.add(parser.getString());
                    } else {
                        parser.skipChildren();
                    }
                }
            }
            return token == JsonToken.END_ARRAY ? ids : null;
        } catch (JacksonException notJson) {
            return null;
        }
    }

    /** The pool of a GET answer, or null when it is not a JSON object. */
    static ApiPool one(String body) {
        return parse(body) instanceof Map<?, ?> json ? ApiPool.of(json) : null;
    }

    private static Object parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readValue(body, Object.class);
        } catch (JacksonException notJson) {
            return null;
        }
    }
}
