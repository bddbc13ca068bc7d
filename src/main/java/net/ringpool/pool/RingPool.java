package net.ringpool.pool;

import java.util.List;

/**
 * One RingPool as the 2016-10-01 API describes it. Writable fields come from a CSV row or a request
 * body; the read-only ones ({@code id}, {@code objectUrl}, {@code testClickUrl}, {@code sampleApiUrl},
 * {@code apiKey}) are filled by the API. Absent optional values are {@code null}.
 */
public record RingPool(
        Long id,
        String idFromNetwork,
        String name,
        String poolType,
        String destinationType,
        String destinationUrl,
        String trackingUrl,
        Integer lifetimeSeconds,
        Integer maxPoolSize,
        Boolean preferred,
        Boolean isFirstPreference,
        List<String> params,
        LocalCenter localCenter,
        List<String> tnPrefixWhitelist,
        String objectUrl,
        String testClickUrl,
        String sampleApiUrl,
        String apiKey) {

    public static final int PARAM_COUNT = 10;

    public RingPool {
        params = params == null ? emptyParams() : List.copyOf(params.stream().map(p -> p == null ? "" : p).toList());
        if (params.size() != PARAM_COUNT) {
            throw new IllegalArgumentException("a RingPool has exactly " + PARAM_COUNT + " params, got " + params.size());
        }
        tnPrefixWhitelist = tnPrefixWhitelist == null ? List.of() : List.copyOf(tnPrefixWhitelist);
    }

    /** The value of {@code param1} … {@code param10}; {@code number} counts from 1 as the API does. */
    public String param(int number) {
        return params.get(number - 1);
    }

    public boolean isLocal() {
        return localCenter != null || !tnPrefixWhitelist.isEmpty();
    }

    /**
     * This pool without the fields the API generates: what a row sets, and what two pools compare on.
     * The pool itself when it has none, as an import row's pool; {@code --only-changed} compares one
     * for every row.
     */
    public RingPool writable() {
        boolean generated = id != null || objectUrl != null || testClickUrl != null || sampleApiUrl != null
                || apiKey != null;
        return generated ? withGenerated(null, null, null, null, null) : this;
    }

    /** The same writable fields with the read-only ones replaced. */
    public RingPool withGenerated(Long newId, String newObjectUrl, String newTestClickUrl, String newSampleApiUrl,
            String newApiKey) {
        return new RingPool(newId, idFromNetwork, name, poolType, destinationType, destinationUrl, trackingUrl,
                lifetimeSeconds, maxPoolSize, preferred, isFirstPreference, params, localCenter, tnPrefixWhitelist,
                newObjectUrl, newTestClickUrl, newSampleApiUrl, newApiKey);
    }

    public RingPool withIdFromNetwork(String newIdFromNetwork) {
        return new RingPool(id, newIdFromNetwork, name, poolType, destinationType, destinationUrl, trackingUrl,
                lifetimeSeconds, maxPoolSize, preferred, isFirstPreference, params, localCenter, tnPrefixWhitelist,
                objectUrl, testClickUrl, sampleApiUrl, apiKey);
    }

    private static List<String> emptyParams() {
        return java.util.Collections.nCopies(PARAM_COUNT, "");
    }
}
