package net.ringpool.pool;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The names of the writable RingPool fields, shared by the CSV layout, the API's JSON and the
 * validation messages. Local center parts are flattened with a {@code local_center_} prefix.
 */
public final class RingPoolField {

    public static final String ID_FROM_NETWORK = "id_from_network";
    public static final String NAME = "name";
    public static final String POOL_TYPE = "pool_type";
    public static final String DESTINATION_TYPE = "destination_type";
    public static final String DESTINATION_URL = "destination_url";
    public static final String TRACKING_URL = "tracking_url";
    public static final String LIFETIME_SECONDS = "lifetime_seconds";
    public static final String MAX_POOL_SIZE = "max_pool_size";
    public static final String PREFERRED = "preferred";
    public static final String IS_FIRST_PREFERENCE = "is_first_preference";
    public static final String LOCAL_CENTER = "local_center";
    public static final String LOCAL_CENTER_TN_PREFIX = "local_center_tn_prefix";
    public static final String LOCAL_CENTER_ZIPCODE = "local_center_zipcode";
    public static final String LOCAL_CENTER_LATITUDE = "local_center_latitude";
    public static final String LOCAL_CENTER_LONGITUDE = "local_center_longitude";
    public static final String TN_PREFIX_WHITELIST = "tn_prefix_whitelist";

    public static final List<String> POOL_TYPES = List.of("Search", "SearchKeyword", "Custom",
            "CustomWithSearchTracking", "ReferralDomain", "ReferralDomainWithSearchTracking");
    public static final List<String> DESTINATION_TYPES = List.of("Advertiser", "API");

    /** The keys a {@code local_center} object may hold, in the API's spelling. */
    public static final List<String> LOCAL_CENTER_KEYS = List.of("tn_prefix", "zipcode", "latitude", "longitude");

    /** param1 … param10, made once: the names are looked up for every field of every pool read or written. */
    private static final String[] PARAMS = new String[RingPool.PARAM_COUNT];

    static {
        for (int i = 0; i < PARAMS.length; i++) {
            PARAMS[i] = "param" + (i + 1);
        }
    }

    private static final List<String> WRITABLE_SCALARS = buildWritableScalars();

    private RingPoolField() {
    }

    public static String param(int number) {
        return number >= 1 && number <= PARAMS.length ? PARAMS[number - 1] : "param" + number;
    }

    /** Every writable scalar field in the order the CSV layout and the seed's examples use. */
    public static List<String> writableScalars() {
        return WRITABLE_SCALARS;
    }

    private static List<String> buildWritableScalars() {
        List<String> fields = new ArrayList<>(List.of(ID_FROM_NETWORK, NAME, POOL_TYPE, DESTINATION_TYPE,
                DESTINATION_URL, TRACKING_URL, LIFETIME_SECONDS, MAX_POOL_SIZE, PREFERRED, IS_FIRST_PREFERENCE));
        for (int i = 1; i <= RingPool.PARAM_COUNT; i++) {
            fields.add(param(i));
        }
        fields.addAll(List.of(LOCAL_CENTER_TN_PREFIX, LOCAL_CENTER_ZIPCODE, LOCAL_CENTER_LATITUDE,
                LOCAL_CENTER_LONGITUDE));
        return Collections.unmodifiableList(fields);
    }
}
