package net.ringpool.pool;

import static net.ringpool.pool.RingPoolField.*;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The validation rules of a RingPool, shared by the API server (which answers 403 with the errors)
 * and the import job (which records the row INVALID before sending anything). Every problem of a
 * pool is collected, so one message can name them all.
 */
public final class RingPoolValidator {

    public static final int MAX_TEXT_LENGTH = 255;
    public static final int MAX_URL_LENGTH = 2048;
    public static final int MAX_POOL_SIZE_LIMIT = 10_000;
    public static final int MAX_WHITELIST_ENTRIES = 100;

    private static final Pattern NPA_OR_NPA_NXX = Pattern.compile("\\d{3}|\\d{6}");
    private static final Pattern ZIPCODE = Pattern.compile("\\d{5}(-\\d{4})?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern UNSAFE_ID = Pattern.compile("[/\\\\?#%\\p{Cntrl}]");

    private RingPoolValidator() {
    }

    /**
     * Validates the writable fields of one pool.
     *
     * @param fields field name to raw text; {@code null}, missing or empty means absent
     * @param whitelist the {@code tn_prefix_whitelist} entries, as given
     * @param idFromNetworkRequired false where the network generates ids
     */
    public static Validation validate(Map<String, String> fields, List<String> whitelist,
            boolean idFromNetworkRequired) {
        Errors errors = new Errors();

        String idFromNetwork = text(fields, ID_FROM_NETWORK);
        if (idFromNetwork == null) {
            if (idFromNetworkRequired) {
                errors.add(ID_FROM_NETWORK, "can't be blank");
            }
        } else {
            checkId(errors, ID_FROM_NETWORK, idFromNetwork);
        }

        String name = text(fields, NAME);
        if (name == null || name.isBlank()) {
            errors.add(NAME, "can't be blank");
        } else {
            checkText(errors, NAME, name);
        }
        String poolType = oneOf(errors, fields, POOL_TYPE, POOL_TYPES);
        String destinationType = oneOf(errors, fields, DESTINATION_TYPE, DESTINATION_TYPES);
        String destinationUrl = url(errors, fields, DESTINATION_URL);
        String trackingUrl = url(errors, fields, TRACKING_URL);
        Integer lifetimeSeconds = integer(errors, fields, LIFETIME_SECONDS, 0, Integer.MAX_VALUE);
        Integer maxPoolSize = integer(errors, fields, MAX_POOL_SIZE, 1, MAX_POOL_SIZE_LIMIT);
        Boolean preferred = bool(errors, fields, PREFERRED);
        Boolean isFirstPreference = bool(errors, fields, IS_FIRST_PREFERENCE);

        List<String> params = new ArrayList<>(RingPool.PARAM_COUNT);
        for (int i = 1; i <= RingPool.PARAM_COUNT; i++) {
            String value = fields.get(param(i));
            String safe = value == null ? "" : value;
            checkText(errors, param(i), safe);
            params.add(safe);
        }

        LocalCenter localCenter = localCenter(errors, fields);
        List<String> cleanWhitelist = whitelist(errors, whitelist);

        if (errors.isEmpty()) {
            return Validation.valid(new RingPool(null, idFromNetwork, name, poolType, destinationType,
                    destinationUrl, trackingUrl, lifetimeSeconds, maxPoolSize, preferred, isFirstPreference, params,
                    localCenter, cleanWhitelist, null, null, null, null));
        }
        return Validation.invalid(errors.byField());
    }

    /**
     * Parses a boolean as the CSV layout and the API accept it: true/false in any case, yes/no or 1/0.
     *
     * @return the value, or {@code null} when the text is none of these
     */
    public static Boolean parseBoolean(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> Boolean.TRUE;
            case "false", "no", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    /**
     * Checks an id of a pool, advertiser or campaign: a segment of the API's URL path and a key column.
     * Its length counts UTF-16 units, as the embedded H2 does, so that an id PostgreSQL would take
     * (which counts characters) never overflows the column on H2.
     */
    public static void checkId(Errors errors, String field, String id) {
        if (id.length() > MAX_TEXT_LENGTH) {
            errors.add(field, "is too long (maximum is " + MAX_TEXT_LENGTH + " characters)");
        }
        checkSafeId(errors, field, id);
    }

    /** Checks an id that becomes a segment of the API's URL path (pool, advertiser or campaign). */
    public static void checkSafeId(Errors errors, String field, String id) {
        if (UNSAFE_ID.matcher(id).find()) {
            errors.add(field, "must not contain / \\ ? # % or control characters");
        }
        if (!id.equals(id.strip())) {
            errors.add(field, "must not start or end with white space");
        }
    }

    private static String text(Map<String, String> fields, String field) {
        String value = fields.get(field);
        return value == null || value.isEmpty() ? null : value;
    }

    /** Free text: bounded, and without NUL, which no text column of PostgreSQL can store. */
    private static void checkText(Errors errors, String field, String value) {
        if (value.codePointCount(0, value.length()) > MAX_TEXT_LENGTH) {
            errors.add(field, "is too long (maximum is " + MAX_TEXT_LENGTH + " characters)");
        }
        if (value.indexOf('\0') >= 0) {
            errors.add(field, "must not contain NUL characters (0x00)");
        }
    }

    private static String oneOf(Errors errors, Map<String, String> fields, String field, List<String> allowed) {
        String value = text(fields, field);
        if (value == null || value.isBlank()) {
            errors.add(field, "can't be blank");
            return null;
        }
        if (!allowed.contains(value)) {
            errors.add(field, "is not included in the list (" + String.join(", ", allowed) + ")");
            return null;
        }
        return value;
    }

    private static String url(Errors errors, Map<String, String> fields, String field) {
        String value = text(fields, field);
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_URL_LENGTH) {
            errors.add(field, "is too long (maximum is " + MAX_URL_LENGTH + " characters)");
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                errors.add(field, "is not an absolute http(s) URL");
                return null;
            }
        } catch (URISyntaxException e) {
            errors.add(field, "is not an absolute http(s) URL");
            return null;
        }
        return value;
    }

    private static Integer integer(Errors errors, Map<String, String> fields, String field, long min, long max) {
        String value = text(fields, field);
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        if (!INTEGER.matcher(trimmed).matches()) {
            errors.add(field, "is not a whole number");
            return null;
        }
        BigDecimal number = new BigDecimal(trimmed);
        if (number.compareTo(BigDecimal.valueOf(min)) < 0) {
            errors.add(field, "must be greater than or equal to " + min);
            return null;
        }
        if (number.compareTo(BigDecimal.valueOf(max)) > 0) {
            errors.add(field, "must be less than or equal to " + max);
            return null;
        }
        return number.intValueExact();
    }

    private static Boolean bool(Errors errors, Map<String, String> fields, String field) {
        String value = text(fields, field);
        if (value == null) {
            return null;
        }
        Boolean parsed = parseBoolean(value);
        if (parsed == null) {
            errors.add(field, "must be true or false");
        }
        return parsed;
    }

    private static LocalCenter localCenter(Errors errors, Map<String, String> fields) {
        String tnPrefix = text(fields, LOCAL_CENTER_TN_PREFIX);
        String zipcode = text(fields, LOCAL_CENTER_ZIPCODE);
        String latitudeText = text(fields, LOCAL_CENTER_LATITUDE);
        String longitudeText = text(fields, LOCAL_CENTER_LONGITUDE);
        int kinds = (tnPrefix != null ? 1 : 0) + (zipcode != null ? 1 : 0)
                + (latitudeText != null || longitudeText != null ? 1 : 0);
        if (kinds == 0) {
            return null;
        }
        if (kinds > 1) {
            errors.add(LOCAL_CENTER, "takes only one of tn_prefix, zipcode, or latitude with longitude");
        }
        if (tnPrefix != null && !NPA_OR_NPA_NXX.matcher(tnPrefix).matches()) {
            errors.add(LOCAL_CENTER_TN_PREFIX, "must be an NPA (3 digits) or NPA-NXX (6 digits)");
        }
        if (zipcode != null && !ZIPCODE.matcher(zipcode).matches()) {
            errors.add(LOCAL_CENTER_ZIPCODE, "is not a valid zipcode (5 digits, or ZIP+4)");
        }
        BigDecimal latitude = null;
        BigDecimal longitude = null;
        if (latitudeText != null || longitudeText != null) {
            if (latitudeText == null || longitudeText == null) {
                errors.add(LOCAL_CENTER, "needs latitude and longitude together");
            }
            latitude = coordinate(errors, LOCAL_CENTER_LATITUDE, latitudeText, 90);
            longitude = coordinate(errors, LOCAL_CENTER_LONGITUDE, longitudeText, 180);
        }
        return new LocalCenter(tnPrefix, zipcode, latitude, longitude);
    }

    private static BigDecimal coordinate(Errors errors, String field, String text, int bound) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        if (!DECIMAL.matcher(trimmed).matches()) {
            errors.add(field, "is not a number");
            return null;
        }
        BigDecimal value = new BigDecimal(trimmed);
        if (value.abs().compareTo(BigDecimal.valueOf(bound)) > 0) {
            errors.add(field, "must be between -" + bound + " and " + bound);
            return null;
        }
        return canonical(value);
    }

    /** 45, 45.0 and 45.000 are one coordinate: strip trailing zeros so pools compare equal. */
    public static BigDecimal canonical(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static List<String> whitelist(Errors errors, List<String> entries) {
        if (entries == null || entries.isEmpty()) {
            return List.of();
        }
        if (entries.size() > MAX_WHITELIST_ENTRIES) {
            errors.add(TN_PREFIX_WHITELIST, "has more than " + MAX_WHITELIST_ENTRIES + " entries");
        }
        List<String> bad = entries.stream().filter(e -> e == null || !NPA_OR_NPA_NXX.matcher(e).matches()).toList();
        if (!bad.isEmpty()) {
            errors.add(TN_PREFIX_WHITELIST, "entries must be NPAs (3 digits) or NPA-NXX prefixes (6 digits): "
                    + String.join(", ", bad.stream().map(String::valueOf).toList()));
        }
        return List.copyOf(entries.stream().map(String::valueOf).toList());
    }

    /** Problems collected per field, in the order they were found. */
    public static final class Errors {
        private final Map<String, List<String>> byField = new LinkedHashMap<>();

        public void add(String field, String message) {
            byField.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
        }

        public boolean isEmpty() {
            return byField.isEmpty();
        }

        public Map<String, List<String>> byField() {
            return byField;
        }
    }
}
