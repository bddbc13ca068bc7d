package net.ringpool.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.json.JsonCompareMode;

/**
 * Replays every request and response example of the seed document (src/test/resources/seed-examples)
 * under the seed's own advertiser 1 and campaign 100: the documented status code, and a body with every
 * documented property.
 */
abstract class SeedExamplesSuite extends ServeSuite {

    private static final String ADVERTISER = "1";
    private static final String CAMPAIGN = "100";

    SeedExamplesSuite(Store store) {
        super(store);
    }

    @Test
    void listAnswers200WithAnArrayOfPoolsCarryingEveryPropertyOfTheExample() {
        // given
        TestNetwork network = freshNetwork();
        as(network).post(network.pools(ADVERTISER, CAMPAIGN), SeedExample.object("create-request.json"))
                .expectStatus().isCreated();

        // when
        List<Map<String, Object>> pools = as(network).get(network.pools(ADVERTISER, CAMPAIGN))
                .expectStatus().isOk()
                .expectBody(ARRAY).returnResult().getResponseBody();

        // then
        assertThat(pools).hasSize(1);
        assertHasEveryDocumentedProperty(pools.get(0), SeedExample.array("list-response.json").get(0));
        assertThat(pools.get(0)).containsEntry("id_from_network", "12");
    }

    @Test
    void readAnswers200WithEveryPropertyOfTheExample() {
        // given
        TestNetwork network = freshNetwork();
        Map<String, Object> request = SeedExample.object("create-request.json");
        as(network).post(network.pools(ADVERTISER, CAMPAIGN), request).expectStatus().isCreated();

        // when
        Map<String, Object> pool = NetworkClient.object(as(network).get(network.pool(ADVERTISER, CAMPAIGN, "12"))
                .expectStatus().isOk());

        // then
        assertHasEveryDocumentedProperty(pool, SeedExample.object("read-response.json"));
        assertThat(pool).containsAllEntriesOf(request);
    }

    @Test
    void createAnswers201WithEveryPropertyAndTheValuesSent() {
        // given
        TestNetwork network = freshNetwork();
        Map<String, Object> request = SeedExample.object("create-request.json");

        // when
        Map<String, Object> pool = NetworkClient.object(as(network).post(network.pools(ADVERTISER, CAMPAIGN), request)
                .expectStatus().isCreated());

        // then
        assertHasEveryDocumentedProperty(pool, SeedExample.object("read-response.json"));
        assertThat(pool).containsAllEntriesOf(request);
    }

    @Test
    void updateAnswers200WithEveryPropertyAndTheUpdatedValues() {
        // given
        TestNetwork network = freshNetwork();
        as(network).post(network.pools(ADVERTISER, CAMPAIGN), SeedExample.object("create-request.json"))
                .expectStatus().isCreated();
        Map<String, Object> request = SeedExample.object("update-request.json");

        // when
        Map<String, Object> pool = NetworkClient.object(as(network).put(network.pool(ADVERTISER, CAMPAIGN, "12"), request)
                .expectStatus().isOk());

        // then
        assertHasEveryDocumentedProperty(pool, SeedExample.object("read-response.json"));
        assertThat(pool).containsAllEntriesOf(request)
                .containsEntry("param1", "updated")
                .containsEntry("name", "Invoca Example RingPool Updated");
        assertThat(NetworkClient.object(as(network).get(network.pool(ADVERTISER, CAMPAIGN, "12")).expectStatus().isOk()))
                .containsAllEntriesOf(request);
    }

    @Test
    void deleteAnswers200WithTheEmptyObjectOfTheExample() {
        // given
        TestNetwork network = freshNetwork();
        as(network).post(network.pools(ADVERTISER, CAMPAIGN), SeedExample.object("create-request.json"))
                .expectStatus().isCreated();

        // when / then
        as(network).delete(network.pool(ADVERTISER, CAMPAIGN, "12"))
                .expectStatus().isOk()
                .expectBody().json(SeedExample.text("delete-response.json"), JsonCompareMode.STRICT);
        as(network).get(network.pool(ADVERTISER, CAMPAIGN, "12")).expectStatus().isNotFound();
    }

    @Test
    void localRingPoolCreateAnswers200AndEchoesItsLocalSettings() {
        // given
        TestNetwork network = freshNetwork();

        // when
        Map<String, Object> pool = NetworkClient.object(as(network).post(network.pools(ADVERTISER, CAMPAIGN),
                SeedExample.object("local-create-request.json")).expectStatus().isOk());

        // then: the strings "true" and "3" of the example arrive as a boolean and a number
        assertHasEveryDocumentedProperty(pool, SeedExample.object("read-response.json"));
        assertThat(pool)
                .containsEntry("id_from_network", "395")
                .containsEntry("name", "India DNP")
                .containsEntry("pool_type", "Custom")
                .containsEntry("destination_type", "Advertiser")
                .containsEntry("param1", "gclid")
                .containsEntry("preferred", true)
                .containsEntry("max_pool_size", 3)
                .containsEntry("local_center", Map.of("latitude", 45, "longitude", 45))
                .containsEntry("tn_prefix_whitelist", List.of("455"));
        assertThat(NetworkClient.object(as(network).get(network.pool(ADVERTISER, CAMPAIGN, "395")).expectStatus().isOk()))
                .containsEntry("local_center", Map.of("latitude", 45, "longitude", 45))
                .containsEntry("tn_prefix_whitelist", List.of("455"));
    }

    @Test
    void localRingPoolWithAnUnknownLocalCenterKeyAnswersTheExamples403() {
        // given
        TestNetwork network = freshNetwork();

        // when / then
        as(network).post(network.pools(ADVERTISER, CAMPAIGN), SeedExample.object("local-invalid-key-request.json"))
                .expectStatus().isForbidden()
                .expectBody().json(SeedExample.text("local-invalid-key-response.json"), JsonCompareMode.STRICT);
        as(network).get(network.pool(ADVERTISER, CAMPAIGN, "395")).expectStatus().isNotFound();
    }

    /**
     * Every key of the seed's example is present. Where the example shows a JSON boolean or number the
     * answer has one too (or null for a value never set); the example's "value" placeholders say nothing
     * about type, and {@code id} is an integer per the property table.
     */
    private static void assertHasEveryDocumentedProperty(Map<String, Object> pool, Map<String, Object> example) {
        assertThat(pool).containsKeys(example.keySet().toArray(String[]::new));
        example.forEach((key, documented) -> {
            Object value = pool.get(key);
            if (documented instanceof Boolean && value != null) {
                assertThat(value).as(key).isInstanceOf(Boolean.class);
            } else if (documented instanceof Number && value != null) {
                assertThat(value).as(key).isInstanceOf(Integer.class);
            } else if (documented instanceof String text && !text.equals("value")) {
                assertThat(value).as(key).isInstanceOf(String.class);
            }
        });
        assertThat(pool.get("id")).isInstanceOf(Number.class);
        for (String readOnly : List.of("object_url", "test_click_url", "sample_api_url", "api_key")) {
            assertThat(pool.get(readOnly)).as(readOnly).asString().isNotBlank();
        }
    }
}
