package net.ringpool.pool;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The CSV layout that {@code import} reads and {@code export} writes (PRODUCT.md section 2): the
 * columns in their canonical order, which are required or read-only, and the spreadsheet-formula
 * neutralisation that makes the round trip export → spreadsheet → import lossless.
 */
public final class CsvLayout {

    public static final String ADVERTISER_ID = "advertiser_id_from_network";
    public static final String CAMPAIGN_ID = "advertiser_campaign_id_from_network";
    public static final String ACTION = "action";
    public static final String ID = "id";
    public static final String OBJECT_URL = "object_url";
    public static final String TEST_CLICK_URL = "test_click_url";
    public static final String SAMPLE_API_URL = "sample_api_url";
    public static final String API_KEY = "api_key";

    /** Columns of an outcome file, ignored on import so that such a file can be fed straight back in. */
    public static final String OUTCOME_PREFIX = "outcome_";

    /** Read-only columns: written by export, ignored by import. */
    public static final List<String> READ_ONLY = List.of(ID, OBJECT_URL, TEST_CLICK_URL, SAMPLE_API_URL, API_KEY);

    /** Columns a header must have (id_from_network only where the network does not generate ids). */
    public static final List<String> REQUIRED = List.of(ADVERTISER_ID, CAMPAIGN_ID, RingPoolField.NAME,
            RingPoolField.POOL_TYPE, RingPoolField.DESTINATION_TYPE);

    private static final List<String> COLUMNS = buildColumns();
    private static final Set<String> KNOWN = Set.copyOf(COLUMNS);
    /** The known columns that import reads: all but the read-only ones. */
    private static final Set<String> IMPORTED = imported();
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private CsvLayout() {
    }

    /** Every column in the order export writes them. */
    public static List<String> columns() {
        return COLUMNS;
    }

    /** The canonical name of a header cell: trimmed and lower-cased, so {@code Name} and {@code NAME} are {@code name}. */
    public static String canonical(String header) {
        return header.strip().toLowerCase(Locale.ROOT);
    }

    public static boolean isKnown(String canonicalName) {
        return KNOWN.contains(canonicalName);
    }

    public static boolean isIgnoredOnImport(String canonicalName) {
        return canonicalName.startsWith(OUTCOME_PREFIX) || READ_ONLY.contains(canonicalName);
    }

    /** Whether import reads the column: known, and not ignored on import. One lookup, made for every cell read. */
    public static boolean isImported(String canonicalName) {
        return IMPORTED.contains(canonicalName);
    }

    /**
     * Writes a cell so that no spreadsheet runs it as a formula: a value starting with {@code = + - @},
     * tab or CR, or with the apostrophe itself, gets a leading apostrophe. Plain numbers such as a
     * negative longitude stay as they are.
     */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty() || PLAIN_NUMBER.matcher(value).matches()) {
            return value;
        }
        return needsEscape(value.charAt(0)) ? "'" + value : value;
    }

    /** Reverses {@link #neutralise}: removes exactly one leading apostrophe where export added it. */
    public static String restore(String value) {
        if (value != null && value.length() > 1 && value.charAt(0) == '\'' && needsEscape(value.charAt(1))) {
            return value.substring(1);
        }
        return value;
    }

    private static boolean needsEscape(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                || first == '\'';
    }

    private static Set<String> imported() {
        List<String> imported = new ArrayList<>(COLUMNS);
        imported.removeIf(CsvLayout::isIgnoredOnImport);
        return Set.copyOf(imported);
    }

    private static List<String> buildColumns() {
        List<String> columns = new ArrayList<>(List.of(ADVERTISER_ID, CAMPAIGN_ID));
        columns.addAll(RingPoolField.writableScalars());
        columns.add(RingPoolField.TN_PREFIX_WHITELIST);
        columns.add(ACTION);
        columns.addAll(READ_ONLY);
        return Collections.unmodifiableList(columns);
    }
}
