package net.ringpool.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The seed document's example bodies, under src/test/resources/seed-examples. */
final class SeedExample {

    private SeedExample() {
    }

    static String text(String name) {
        try (InputStream in = SeedExample.class.getResourceAsStream("/seed-examples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no seed example " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> object(String name) {
        return JsonMapper.shared().readValue(text(name), new TypeReference<Map<String, Object>>() {
        });
    }

    static List<Map<String, Object>> array(String name) {
        return JsonMapper.shared().readValue(text(name), new TypeReference<List<Map<String, Object>>>() {
        });
    }
}
