package net.ringpool.api;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Collections;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.json.JsonCompareMode;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every validation rule of a RingPool: a body breaking it answers 403 with Invoca's field map naming
 * each problem, and nothing is stored; the values at each rule's edge are accepted.
 */
abstract class RingPoolValidationSuite extends ServeSuite {

    private static final String LONG = "x".repeat(256);
    private static final String NOT_INCLUDED_POOL_TYPE = "is not included in the list (Search, SearchKeyword, "
            + "Custom, CustomWithSearchTracking, ReferralDomain, ReferralDomainWithSearchTracking)";
    private static final String NPA = "must be an NPA (3 digits) or NPA-NXX (6 digits)";
    private static final String WHITELIST = "entries must be NPAs (3 digits) or NPA-NXX prefixes (6 digits): ";
    private static final String ONE_CENTER = "needs one of tn_prefix, zipcode, or latitude and longitude";

    RingPoolValidationSuite(Store store) {
        super(store);
    }

    /** A valid pool with the fields of {@code changes} (a JSON object) replaced; null values are sent as null. */
    static Map<String, Object> poolWith(String changes) {
        Map<String, Object> pool = RingPoolLifecycleSuite.pool("v");
        pool.putAll(JsonMapper.shared().readValue(changes, new TypeReference<Map<String, Object>>() {
        }));
        return pool;
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                arguments("nothing sent", Map.of(), """
                        {"id_from_network":["can't be blank"], "name":["can't be blank"],
                         "pool_type":["can't be blank"], "destination_type":["can't be blank"]}"""),
                arguments("blank name", poolWith("{\"name\": \"   \"}"), "{\"name\":[\"can't be blank\"]}"),
                arguments("null name", poolWith("{\"name\": null}"), "{\"name\":[\"can't be blank\"]}"),
                arguments("unknown pool_type", poolWith("{\"pool_type\": \"Bogus\"}"),
                        "{\"pool_type\":[\"" + NOT_INCLUDED_POOL_TYPE + "\"]}"),
                arguments("pool_type in the wrong case", poolWith("{\"pool_type\": \"search\"}"),
                        "{\"pool_type\":[\"" + NOT_INCLUDED_POOL_TYPE + "\"]}"),
                arguments("unknown destination_type", poolWith("{\"destination_type\": \"Network\"}"),
                        "{\"destination_type\":[\"is not included in the list (Advertiser, API)\"]}"),
                arguments("destination_url without a scheme", poolWith("{\"destination_url\": \"www.invoca.com\"}"),
                        "{\"destination_url\":[\"is not an absolute http(s) URL\"]}"),
                arguments("tracking_url of another scheme", poolWith("{\"tracking_url\": \"ftp://invoca.com/x\"}"),
                        "{\"tracking_url\":[\"is not an absolute http(s) URL\"]}"),
                arguments("destination_url without a host", poolWith("{\"destination_url\": \"https:///path\"}"),
                        "{\"destination_url\":[\"is not an absolute http(s) URL\"]}"),
                arguments("destination_url over 2048 characters",
                        poolWith("{\"destination_url\": \"https://invoca.com/" + "a".repeat(2030) + "\"}"),
                        "{\"destination_url\":[\"is too long (maximum is 2048 characters)\"]}"),
                arguments("negative lifetime_seconds", poolWith("{\"lifetime_seconds\": -1}"),
                        "{\"lifetime_seconds\":[\"must be greater than or equal to 0\"]}"),
                arguments("fractional lifetime_seconds", poolWith("{\"lifetime_seconds\": 1.5}"),
                        "{\"lifetime_seconds\":[\"is not a whole number\"]}"),
                arguments("lifetime_seconds beyond a 32-bit integer", poolWith("{\"lifetime_seconds\": 2147483648}"),
                        "{\"lifetime_seconds\":[\"must be less than or equal to 2147483647\"]}"),
                arguments("max_pool_size of 0", poolWith("{\"max_pool_size\": 0}"),
                        "{\"max_pool_size\":[\"must be greater than or equal to 1\"]}"),
                arguments("max_pool_size over 10000", poolWith("{\"max_pool_size\": 10001}"),
                        "{\"max_pool_size\":[\"must be less than or equal to 10000\"]}"),
                arguments("max_pool_size not a number", poolWith("{\"max_pool_size\": \"three\"}"),
                        "{\"max_pool_size\":[\"is not a whole number\"]}"),
                arguments("preferred neither true nor false", poolWith("{\"preferred\": \"maybe\"}"),
                        "{\"preferred\":[\"must be true or false\"]}"),
                arguments("is_first_preference of 2", poolWith("{\"is_first_preference\": 2}"),
                        "{\"is_first_preference\":[\"must be true or false\"]}"),
                arguments("an object where a value belongs", poolWith("{\"preferred\": {\"value\": true}}"),
                        "{\"preferred\":[\"must be a single value\"]}"),
                arguments("name over 255 characters", poolWith("{\"name\": \"" + LONG + "\"}"),
                        "{\"name\":[\"is too long (maximum is 255 characters)\"]}"),
                arguments("param10 over 255 characters", poolWith("{\"param10\": \"" + LONG + "\"}"),
                        "{\"param10\":[\"is too long (maximum is 255 characters)\"]}"),
                arguments("name with a NUL character", poolWith("{\"name\": \"Pool\\u0000 7\"}"),
                        "{\"name\":[\"must not contain NUL characters (0x00)\"]}"),
                arguments("param3 with a NUL character", poolWith("{\"param3\": \"\\u0000\"}"),
                        "{\"param3\":[\"must not contain NUL characters (0x00)\"]}"),
                arguments("id_from_network over 255 characters", poolWith("{\"id_from_network\": \"" + LONG + "\"}"),
                        "{\"id_from_network\":[\"is too long (maximum is 255 characters)\"]}"),
                arguments("id_from_network of 128 emoji, 256 UTF-16 units",
                        poolWith("{\"id_from_network\": \"" + "\uD83D\uDE00".repeat(128) + "\"}"),
                        "{\"id_from_network\":[\"is too long (maximum is 255 characters)\"]}"),
                arguments("id_from_network with a slash", poolWith("{\"id_from_network\": \"a/b\"}"),
                        "{\"id_from_network\":[\"must not contain / \\\\ ? # % or control characters\"]}"),
                arguments("id_from_network with leading space", poolWith("{\"id_from_network\": \" 12\"}"),
                        "{\"id_from_network\":[\"must not start or end with white space\"]}"),
                arguments("tn_prefix of two digits", poolWith("{\"local_center\": {\"tn_prefix\": \"80\"}}"),
                        "{\"local_center_tn_prefix\":[\"" + NPA + "\"]}"),
                arguments("tn_prefix of four digits", poolWith("{\"local_center\": {\"tn_prefix\": \"8056\"}}"),
                        "{\"local_center_tn_prefix\":[\"" + NPA + "\"]}"),
                arguments("tn_prefix with a letter", poolWith("{\"local_center\": {\"tn_prefix\": \"80a\"}}"),
                        "{\"local_center_tn_prefix\":[\"" + NPA + "\"]}"),
                arguments("zipcode of four digits", poolWith("{\"local_center\": {\"zipcode\": \"9310\"}}"),
                        "{\"local_center_zipcode\":[\"is not a valid zipcode (5 digits, or ZIP+4)\"]}"),
                arguments("zipcode with a short extension", poolWith("{\"local_center\": {\"zipcode\": \"93101-12\"}}"),
                        "{\"local_center_zipcode\":[\"is not a valid zipcode (5 digits, or ZIP+4)\"]}"),
                arguments("latitude without longitude", poolWith("{\"local_center\": {\"latitude\": 34}}"),
                        "{\"local_center\":[\"needs latitude and longitude together\"]}"),
                arguments("longitude without latitude", poolWith("{\"local_center\": {\"longitude\": -119}}"),
                        "{\"local_center\":[\"needs latitude and longitude together\"]}"),
                arguments("latitude beyond 90", poolWith("{\"local_center\": {\"latitude\": 90.5, \"longitude\": 0}}"),
                        "{\"local_center_latitude\":[\"must be between -90 and 90\"]}"),
                arguments("longitude beyond -180", poolWith("{\"local_center\": {\"latitude\": 0, \"longitude\": -181}}"),
                        "{\"local_center_longitude\":[\"must be between -180 and 180\"]}"),
                arguments("latitude not a number", poolWith("{\"local_center\": {\"latitude\": \"north\", \"longitude\": 0}}"),
                        "{\"local_center_latitude\":[\"is not a number\"]}"),
                arguments("two kinds of local center",
                        poolWith("{\"local_center\": {\"zipcode\": \"93101\", \"tn_prefix\": \"805\"}}"),
                        "{\"local_center\":[\"takes only one of tn_prefix, zipcode, or latitude with longitude\"]}"),
                arguments("every kind of local center",
                        poolWith("{\"local_center\": {\"zipcode\": \"93101\", \"tn_prefix\": \"805\", "
                                + "\"latitude\": 34, \"longitude\": -119}}"),
                        "{\"local_center\":[\"takes only one of tn_prefix, zipcode, or latitude with longitude\"]}"),
                arguments("empty local center", poolWith("{\"local_center\": {}}"),
                        "{\"local_center\":[\"" + ONE_CENTER + "\"]}"),
                arguments("local center of blank values", poolWith("{\"local_center\": {\"zipcode\": \"\", \"tn_prefix\": null}}"),
                        "{\"local_center\":[\"" + ONE_CENTER + "\"]}"),
                arguments("local center that is not an object", poolWith("{\"local_center\": \"805\"}"),
                        "{\"local_center\":[\"must be an object with tn_prefix, zipcode, or latitude and longitude\"]}"),
                arguments("local center part that is an array", poolWith("{\"local_center\": {\"zipcode\": [\"93101\"]}}"),
                        "{\"local_center_zipcode\":[\"must be a single value\"]}"),
                arguments("whitelist entry of four digits", poolWith("{\"tn_prefix_whitelist\": [\"8056\"]}"),
                        "{\"tn_prefix_whitelist\":[\"" + WHITELIST + "8056\"]}"),
                arguments("whitelist entries of two and seven digits",
                        poolWith("{\"tn_prefix_whitelist\": [\"805\", \"80\", \"8056123\"]}"),
                        "{\"tn_prefix_whitelist\":[\"" + WHITELIST + "80, 8056123\"]}"),
                arguments("whitelist null entry", poolWith("{\"tn_prefix_whitelist\": [null]}"),
                        "{\"tn_prefix_whitelist\":[\"" + WHITELIST + "null\"]}"),
                arguments("whitelist that is not an array", poolWith("{\"tn_prefix_whitelist\": \"805\"}"),
                        "{\"tn_prefix_whitelist\":[\"must be an array of strings\"]}"),
                arguments("whitelist of 101 entries", poolWith("{\"tn_prefix_whitelist\": " + npas(101) + "}"),
                        "{\"tn_prefix_whitelist\":[\"has more than 100 entries\"]}"),
                arguments("many problems at once", poolWith("""
                        {"name": "", "pool_type": "Bogus", "max_pool_size": 0, "preferred": "maybe",
                         "destination_url": "invoca.com", "local_center": {"tn_prefix": "8"}}"""), """
                        {"name":["can't be blank"], "pool_type":["%s"], "destination_url":["is not an absolute http(s) URL"],
                         "max_pool_size":["must be greater than or equal to 1"], "preferred":["must be true or false"],
                         "local_center_tn_prefix":["%s"]}""".formatted(NOT_INCLUDED_POOL_TYPE, NPA)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void aPoolBreakingARuleIsRefusedWith403NamingTheField(String rule, Map<String, Object> body, String errors) {
        // given
        TestNetwork network = freshNetwork();

        // when / then
        as(network).post(network.pools("1", "100"), body).expectStatus().isForbidden()
                .expectBody().json("{\"errors\":" + errors + "}", JsonCompareMode.STRICT);
        as(network).get(network.pools("1", "100")).expectStatus().isNotFound();
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                arguments("name of 255 characters", poolWith("{\"name\": \"" + "n".repeat(255) + "\"}")),
                arguments("name of 255 emoji", poolWith("{\"name\": \"" + "\uD83D\uDE00".repeat(255) + "\"}")),
                arguments("id_from_network of 255 characters", poolWith("{\"id_from_network\": \"" + "i".repeat(255) + "\"}")),
                arguments("id_from_network as a JSON number", poolWith("{\"id_from_network\": 12}")),
                arguments("param1 of 255 characters", poolWith("{\"param1\": \"" + "p".repeat(255) + "\"}")),
                arguments("pool_type ReferralDomainWithSearchTracking", poolWith("{\"pool_type\": \"ReferralDomainWithSearchTracking\"}")),
                arguments("destination_type Advertiser", poolWith("{\"destination_type\": \"Advertiser\"}")),
                arguments("http URLs in capitals", poolWith("{\"destination_url\": \"HTTP://Invoca.com\", "
                        + "\"tracking_url\": \"https://invoca.com/t?x=1#y\"}")),
                arguments("the smallest numbers", poolWith("{\"lifetime_seconds\": 0, \"max_pool_size\": 1}")),
                arguments("the largest numbers", poolWith("{\"lifetime_seconds\": 2147483647, \"max_pool_size\": 10000}")),
                arguments("numbers as strings with spaces", poolWith("{\"lifetime_seconds\": \" 60 \", \"max_pool_size\": \"+2\"}")),
                arguments("booleans as words and digits", poolWith("{\"preferred\": \"YES\", \"is_first_preference\": 0}")),
                arguments("tn_prefix NPA", poolWith("{\"local_center\": {\"tn_prefix\": \"805\"}}")),
                arguments("tn_prefix NPA-NXX as a number", poolWith("{\"local_center\": {\"tn_prefix\": 805612}}")),
                arguments("zipcode", poolWith("{\"local_center\": {\"zipcode\": \"93101\"}}")),
                arguments("zipcode ZIP+4", poolWith("{\"local_center\": {\"zipcode\": \"93101-1234\"}}")),
                arguments("coordinates at the poles", poolWith("{\"local_center\": {\"latitude\": -90, \"longitude\": 180}}")),
                arguments("coordinates at the other edges", poolWith("{\"local_center\": {\"latitude\": 90, \"longitude\": -180}}")),
                arguments("a tiny coordinate", poolWith("{\"local_center\": {\"latitude\": 1e-7, \"longitude\": 0.5}}")),
                arguments("a center with an unset kind", poolWith("{\"local_center\": {\"zipcode\": \"93101\", \"tn_prefix\": null}}")),
                arguments("whitelist of NPAs and NPA-NXXs", poolWith("{\"tn_prefix_whitelist\": [\"805\", 212555]}")),
                arguments("whitelist of 100 entries", poolWith("{\"tn_prefix_whitelist\": " + npas(100) + "}")),
                arguments("an empty whitelist", poolWith("{\"tn_prefix_whitelist\": []}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void aPoolAtTheEdgeOfEveryRuleIsAccepted(String edge, Map<String, Object> body) {
        // given
        TestNetwork network = freshNetwork();

        // when / then
        as(network).post(network.pools("1", "100"), body).expectStatus().is2xxSuccessful();
        as(network).get(network.pools("1", "100")).expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1);
    }

    @Test
    void anUnknownKeyBesideValidOnesInTheLocalCenterIsRecordInvalid() {
        // given
        TestNetwork network = freshNetwork();

        // when / then
        as(network).post(network.pools("1", "100"), poolWith("{\"local_center\": {\"zipcode\": \"93101\", \"radius\": 5}}"))
                .expectStatus().isForbidden()
                .expectBody().json("""
                        {"errors":{"class":"RecordInvalid","invalid_data":"Invalid Key in Local Center."}}""",
                        JsonCompareMode.STRICT);
    }

    @Test
    void anUpdateIsValidatedAsACreateIs() {
        // given
        TestNetwork network = freshNetwork();
        as(network).post(network.pools("1", "100"), poolWith("{\"id_from_network\": \"7\"}")).expectStatus().isCreated();

        // when / then
        as(network).put(network.pool("1", "100", "7"), poolWith("{\"id_from_network\": \"7\", \"max_pool_size\": -3}"))
                .expectStatus().isForbidden()
                .expectBody().json("{\"errors\":{\"max_pool_size\":[\"must be greater than or equal to 1\"]}}",
                        JsonCompareMode.STRICT);
        as(network).get(network.pool("1", "100", "7")).expectStatus().isOk().expectBody().jsonPath("$.max_pool_size").isEmpty();
    }

    @Test
    void idsInTheUrlOfAWriteAreCheckedAsIdsInABodyAre() {
        // given
        TestNetwork network = freshNetwork();
        Map<String, Object> noId = poolWith("{}");
        noId.remove("id_from_network");

        // when / then: each answered 500 from the database or stored an unreachable pool before
        as(network).put(network.pool("1", "100", LONG), noId).expectStatus().isForbidden()
                .expectBody().json("{\"errors\":{\"id_from_network\":[\"is too long (maximum is 255 characters)\"]}}",
                        JsonCompareMode.STRICT);
        as(network).put(network.pool("1", "100", "a%2Fb"), noId).expectStatus().isForbidden()
                .expectBody().json("{\"errors\":{\"id_from_network\":[\"must not contain / \\\\ ? # % or control characters\"]}}",
                        JsonCompareMode.STRICT);
        as(network).post(network.pools(LONG, "100"), poolWith("{}")).expectStatus().isForbidden()
                .expectBody().json("{\"errors\":{\"advertiser_id_from_network\":[\"is too long (maximum is 255 characters)\"]}}",
                        JsonCompareMode.STRICT);
        as(network).post(network.pools("1", "a%2Fb"), poolWith("{}")).expectStatus().isForbidden()
                .expectBody().json("{\"errors\":{\"advertiser_campaign_id_from_network\":"
                        + "[\"must not contain / \\\\ ? # % or control characters\"]}}", JsonCompareMode.STRICT);
        as(network).get(network.advertisers()).expectStatus().isOk().expectBody().json("[]", JsonCompareMode.STRICT);
    }

    /** A JSON array of {@code count} valid NPAs. */
    private static String npas(int count) {
        return Collections.nCopies(count, "\"805\"").toString();
    }
}
