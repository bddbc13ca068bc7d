package net.ringpool.numbers;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;

import org.springframework.util.MultiValueMap;

/**
 * A visitor of the number allocation API: the combination of the request's tracking parameters
 * (param1..param10, the search parameters and referrer). Two requests with the same values are the same
 * visitor; a parameter sent empty is one not sent. {@code landing_page} only feeds reporting in Invoca's
 * API (here: the tracking URL), so one visitor keeps its number from page to page.
 *
 * @param key a digest of the parameters, so that the database holds no visitor data
 */
record Visitor(String key) {

    static final List<String> PARAMETERS = parameters();

    static Visitor of(MultiValueMap<String, String> query) {
        StringJoiner canonical = new StringJoiner("&");
        for (String name : PARAMETERS) {
            String value = query.getFirst(name);
            canonical.add(name + "=" + URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return new Visitor(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static List<String> parameters() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            names.add("param" + i);
        }
        names.addAll(List.of("search_engine", "search_keywords", "search_keyword_id", "referrer"));
        return List.copyOf(names);
    }
}
