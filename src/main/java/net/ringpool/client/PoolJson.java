package net.ringpool.client;

import static net.ringpool.pool.RingPoolField.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.ringpool.pool.CsvLayout;
import net.ringpool.pool.LocalCenter;
import net.ringpool.pool.RingPool;

/**
 * Converts between a RingPool and the API's JSON: the request body a write sends, and the CSV cells
 * of a pool the API answered with (what export writes and {@code --only-changed} compares).
 */
public final class PoolJson {

    /** How export joins tn_prefix_whitelist entries in one cell; import also splits on ; , and space. */
    public static final String WHITELIST_SEPARATOR = "|";

    private PoolJson() {
    }

    /**
     * The body of a PUT or POST: a complete copy of the pool, as Invoca's updates expect. Empty text
     * is sent as "", absent numbers and booleans are left out, so the API clears them.
     */
    public static Map<String, Object> requestBody(RingPool pool) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (pool.idFromNetwork() != null) {
            body.put(ID_FROM_NETWORK, pool.idFromNetwork());
        }
        body.put(NAME, pool.name());
        body.put(POOL_TYPE, pool.poolType());
        body.put(DESTINATION_TYPE, pool.destinationType());
        body.put(DESTINATION_URL, pool.destinationUrl() == null ? "" : pool.destinationUrl());
        body.put(TRACKING_URL, pool.trackingUrl() == null ? "" : pool.trackingUrl());
        putIfPresent(body, LIFETIME_SECONDS, pool.lifetimeSeconds());
        putIfPresent(body, MAX_POOL_SIZE, pool.maxPoolSize());
        putIfPresent(body, PREFERRED, pool.preferred());
        putIfPresent(body, IS_FIRST_PREFERENCE, pool.isFirstPreference());
        for (int i = 1; i <= RingPool.PARAM_COUNT; i++) {
            body.put(param(i), pool.param(i));
        }
        LocalCenter center = pool.localCenter();
        if (center != null) {
            Map<String, Object> centerJson = new LinkedHashMap<>();
            putIfPresent(centerJson, "tn_prefix", center.tnPrefix());
            putIfPresent(centerJson, "zipcode", center.zipcode());
            putIfPresent(centerJson, "latitude", center.latitude());
            putIfPresent(centerJson, "longitude", center.longitude());
            body.put(LOCAL_CENTER, centerJson);
        }
        if (!pool.tnPrefixWhitelist().isEmpty()) {
            body.put(TN_PREFIX_WHITELIST, pool.tnPrefixWhitelist());
        }
        return body;
    }

    /**
     * The CSV cells of a pool as the API answered it (one element of a list, or a GET), keyed by the
     * CSV layout's column names; advertiser and campaign columns are the caller's to add. Values are
     * not yet neutralised for spreadsheets.
     */
    public static Map<String, String> cells(Map<String, Object> json) {
        Map<String, String> cells = new LinkedHashMap<>(64);   // about 30 cells: sized so that it never grows
        for (String field : writableScalars()) {
            if (!field.startsWith(LOCAL_CENTER + "_")) {
                cells.put(field, text(json.get(field)));
            }
        }
        Object center = json.get(LOCAL_CENTER);
        for (String key : LOCAL_CENTER_KEYS) {
            Object value = center instanceof Map<?, ?> map ? map.get(key) : null;
            cells.put(LOCAL_CENTER + "_" + key, text(value));
        }
        Object whitelist = json.get(TN_PREFIX_WHITELIST);
        List<String> entries = new ArrayList<>();
        if (whitelist instanceof List<?> list) {
            list.forEach(entry -> entries.add(text(entry)));
        }
        cells.put(TN_PREFIX_WHITELIST, String.join(WHITELIST_SEPARATOR, entries));
        for (String readOnly : CsvLayout.READ_ONLY) {
            cells.put(readOnly, text(json.get(readOnly)));
        }
        return cells;
    }

    /** Splits a tn_prefix_whitelist cell on | ; , or white space. */
    public static List<String> splitWhitelist(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        List<String> entries = new ArrayList<>();
        for (String entry : cell.strip().split("[|;,\\s]+")) {
            if (!entry.isEmpty()) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return String.valueOf(value);
    }

    private static void putIfPresent(Map<String, Object> json, String key, Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }
}
