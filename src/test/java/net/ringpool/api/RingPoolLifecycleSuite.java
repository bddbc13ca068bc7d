package net.ringpool.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.test.json.JsonCompareMode;

/** Create, read, list, update and delete of RingPools, and the idempotency Invoca promises for them. */
abstract class RingPoolLifecycleSuite extends ServeSuite {

    RingPoolLifecycleSuite(Store store) {
        super(store);
    }

    static Map<String, Object> pool(String idFromNetwork) {
        Map<String, Object> pool = new LinkedHashMap<>();
        pool.put("id_from_network", idFromNetwork);
        pool.put("name", "Pool " + idFromNetwork);
        pool.put("pool_type", "Search");
        pool.put("destination_type", "API");
        return pool;
    }

    @Test
    void aCreatedPoolReadsBackWithEveryFieldAsSent() {
        // given
        TestNetwork network = freshNetwork();
        Map<String, Object> sent = pool("full");
        sent.putAll(Map.of("destination_url", "https://example.com/landing", "tracking_url", "http://t.example.com/x",
                "lifetime_seconds", 0, "max_pool_size", 10_000, "preferred", false, "is_first_preference", true,
                "param1", "a", "param10", "z", "local_center", Map.of("tn_prefix", "805612"),
                "tn_prefix_whitelist", List.of("805", "212555")));

        // when
        Map<String, Object> created = NetworkClient.object(as(network).post(network.pools("1", "100"), sent)
                .expectStatus().isOk());
        Map<String, Object> read = NetworkClient.object(as(network).get(network.pool("1", "100", "full"))
                .expectStatus().isOk());

        // then
        assertThat(read).containsAllEntriesOf(sent).isEqualTo(created);
        assertThat(read.get("id")).isInstanceOf(Number.class);
        assertThat(read.get("api_key")).asString().matches("[0-9a-f]{32}");
    }

    @Test
    void listAnswersThePoolsOfOneCampaignOnlyOrderedById() {
        // given
        TestNetwork network = freshNetwork();
        as(network).post(network.pools("1", "100"), pool("b")).expectStatus().isCreated();
        as(network).post(network.pools("1", "100"), pool("a")).expectStatus().isCreated();
        as(network).post(network.pools("1", "200"), pool("c")).expectStatus().isCreated();

        // when / then
        as(network).get(network.pools("1", "100")).expectStatus().isOk()
                .expectBody().jsonPath("$[*].id_from_network").isEqualTo(List.of("a", "b"));
        as(network).get(network.pools("1", "200")).expectStatus().isOk()
                .expectBody().jsonPath("$[*].id_from_network").isEqualTo(List.of("c"));
    }

    @Test
    void aCampaignWithoutPoolsListsAnEmptyArray() {
        // given
        TestNetwork network = freshNetwork();
        as(network).post(network.pools("1", "100"), pool("gone")).expectStatus().isCreated();
        as(network).delete(network.pool("1", "100", "gone")).expectStatus().isOk();

        // when / then
        as(network).get(network.pools("1", "100")).expectStatus().isOk().expectBody().json("[]", JsonCompareMode.STRICT);
    }

    @Test
    void upsertingTwiceCreatesThenUpdatesOnePool() {
        // given
        TestNetwork network = freshNetwork();
        Map<String, Object> first = pool("12");
        Map<String, Object> second = pool("12");
        second.put("name", "Renamed");

        // when
        Map<String, Object> created = NetworkClient.object(as(network).post(network.pools("1", "100"), first)
                .expectStatus().isCreated());
        Map<String, Object> updated = NetworkClient.object(as(network).post(network.pools("1", "100"), second)
                .expectStatus().isOk());

        // then
        assertThat(updated).containsEntry("name", "Renamed")
                .containsEntry("id", created.get("id"))
                .containsEntry("api_key", created.get("api_key"));
        as(network).get(network.pools("1", "100")).expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].name").isEqualTo("Renamed");
    }

    @Test
    void putCreatesAMissingPoolThenUpdatesIt() {
        // given
        TestNetwork network = freshNetwork();
        Map<String, Object> body = pool("7");
        body.remove("id_from_network");

        // when / then: the URL names the pool, so the body need not
        as(network).put(network.pool("1", "100", "7"), body).expectStatus().isCreated()
                .expectBody().jsonPath("$.id_from_network").isEqualTo("7");
        as(network).put(network.pool("1", "100", "7"), body).expectStatus().isOk();
        as(network).get(network.pools("1", "100")).expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1);
    }

    @Test
    void postToThePoolUrlUpdatesAsPutDoes() {
        // given
        TestNetwork network = freshNetwork();
        as(network).post(network.pools("1", "100"), pool("7")).expectStatus().isCreated();
        Map<String, Object> changed = pool("7");
        changed.put("pool_type", "Custom");

        // when / then
        as(network).post(network.pool("1", "100", "7"), changed).expectStatus().isOk()
                .expectBody().jsonPath("$.pool_type").isEqualTo("Custom");
    }

    @Test
    void anUpdateReplacesTheWholePoolSoOmittedFieldsAreCleared() {
        // given: Invoca's updates expect a complete copy of the object
        TestNetwork network = freshNetwork();
        Map<String, Object> full = pool("7");
        full.putAll(Map.of("param2", "kept only if sent", "max_pool_size", 5, "preferred", true,
                "destination_url", "https://example.com", "local_center", Map.of("zipcode", "93101")));
        as(network).post(network.pools("1", "100"), full).expectStatus().isOk();

        // when
        Map<String, Object> updated = NetworkClient.object(as(network).put(network.pool("1", "100", "7"), pool("7"))
                .expectStatus().isOk());

        // then
        assertThat(updated).containsEntry("param2", "").containsEntry("max_pool_size", null)
                .containsEntry("preferred", null).containsEntry("destination_url", "")
                .doesNotContainKeys("local_center", "tn_prefix_whitelist");
    }

    @Test
    void deletingTwiceAnswers200EmptyBothTimes() {
        // given
        TestNetwork network = freshNetwork();
        as(network).post(network.pools("1", "100"), pool("7")).expectStatus().isCreated();

        // when / then
        as(network).delete(network.pool("1", "100", "7")).expectStatus().isOk().expectBody().json("{}", JsonCompareMode.STRICT);
        as(network).delete(network.pool("1", "100", "7")).expectStatus().isOk().expectBody().json("{}", JsonCompareMode.STRICT);
        as(network).get(network.pool("1", "100", "7")).expectStatus().isNotFound();
    }

    @Test
    void anUnknownPoolAnswers404InInvocasShape() {
        // given
        TestNetwork network = freshNetwork();
        as(network).post(network.pools("1", "100"), pool("12")).expectStatus().isCreated();

        // when / then
        as(network).get(network.pool("1", "100", "123")).expectStatus().isNotFound()
                .expectBody().json("""
                        {"errors":{"class":"RecordNotFound",
                         "invalid_data":"Could not find RingPool 123 for advertiser campaign 100 and advertiser 1"}}""",
                        JsonCompareMode.STRICT);
    }

    @Test
    void aPoolIsFoundOnlyUnderItsOwnCampaign() {
        // given
        TestNetwork network = freshNetwork();
        as(network).post(network.pools("1", "100"), pool("12")).expectStatus().isCreated();
        as(network).post(network.pools("1", "200"), pool("other")).expectStatus().isCreated();

        // when / then
        as(network).get(network.pool("1", "200", "12")).expectStatus().isNotFound()
                .expectBody().jsonPath("$.errors.invalid_data")
                .isEqualTo("Could not find RingPool 12 for advertiser campaign 200 and advertiser 1");
        as(network).delete(network.pool("1", "200", "12")).expectStatus().isOk();
        as(network).get(network.pool("1", "100", "12")).expectStatus().isOk();
    }

    @Test
    void anIdFromNetworkTakenInAnotherCampaignIsRefused() {
        // given: id_from_network is unique within the network
        TestNetwork network = freshNetwork();
        as(network).post(network.pools("1", "100"), pool("12")).expectStatus().isCreated();

        // when / then
        as(network).post(network.pools("2", "300"), pool("12")).expectStatus().isForbidden()
                .expectBody().json("""
                        {"errors":{"id_from_network":
                          ["has already been taken by a RingPool of advertiser campaign 100 and advertiser 1"]}}""",
                        JsonCompareMode.STRICT);
        as(network).get(network.pool("1", "100", "12")).expectStatus().isOk();
    }

    @Test
    void theSameIdInTwoNetworksNamesTwoPools() {
        // given
        TestNetwork first = freshNetwork();
        TestNetwork second = freshNetwork();
        Map<String, Object> renamed = pool("12");
        renamed.put("name", "Second network's");

        // when
        as(first).post(first.pools("1", "100"), pool("12")).expectStatus().isCreated();
        as(second).post(second.pools("1", "100"), renamed).expectStatus().isCreated();

        // then
        as(first).get(first.pool("1", "100", "12")).expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("Pool 12");
        as(second).get(second.pool("1", "100", "12")).expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Second network's");
    }

    @Test
    void numbersAndBooleansAreAcceptedAsJsonStrings() {
        // given
        TestNetwork network = freshNetwork();
        Map<String, Object> sent = pool("7");
        sent.putAll(Map.of("max_pool_size", "3", "lifetime_seconds", "1800", "preferred", "true",
                "is_first_preference", "FALSE", "local_center", Map.of("latitude", "34.4208", "longitude", "-119.6982")));

        // when / then
        as(network).post(network.pools("1", "100"), sent).expectStatus().isOk()
                .expectBody().json("""
                        {"max_pool_size":3, "lifetime_seconds":1800, "preferred":true, "is_first_preference":false,
                         "local_center":{"latitude":34.4208, "longitude":-119.6982}}""", JsonCompareMode.LENIENT);
    }

    @Test
    void aUrlAndABodyNamingDifferentPoolsAreRefused() {
        // given
        TestNetwork network = freshNetwork();

        // when / then
        as(network).put(network.pool("1", "100", "7"), pool("8")).expectStatus().isForbidden()
                .expectBody().json("""
                        {"errors":{"id_from_network":["does not match the RingPool in the URL (7)"]}}""",
                        JsonCompareMode.STRICT);
        as(network).get(network.pool("1", "100", "8")).expectStatus().isNotFound();
    }

    @Test
    void aNetworkThatGeneratesIdsCreatesPoolsSentWithoutOne() {
        // given
        TestNetwork network = autoIdNetwork();
        Map<String, Object> sent = pool("ignored");
        sent.remove("id_from_network");

        // when
        Map<String, Object> created = NetworkClient.object(as(network).post(network.pools("1", "100"), sent)
                .expectStatus().isCreated());

        // then
        String generated = (String) created.get("id_from_network");
        assertThat(generated).isNotBlank();
        as(network).get(network.pool("1", "100", generated)).expectStatus().isOk();
    }

    @Test
    void aNetworkThatDoesNotGenerateIdsRequiresOne() {
        // given
        TestNetwork network = freshNetwork();
        Map<String, Object> sent = pool("ignored");
        sent.remove("id_from_network");

        // when / then
        as(network).post(network.pools("1", "100"), sent).expectStatus().isForbidden()
                .expectBody().json("""
                        {"errors":{"id_from_network":["can't be blank"]}}""", JsonCompareMode.STRICT);
    }

    @Test
    void concurrentCreatesOfOnePoolMakeOnePoolAndOne201() throws Exception {
        // given
        TestNetwork network = freshNetwork();
        int clients = 8;

        // when
        List<Integer> statuses = new ArrayList<>();
        ExecutorService executor = Executors.newFixedThreadPool(clients);
        try {
            List<Callable<Integer>> creates = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                creates.add(() -> as(network).post(network.pools("1", "100"), pool("raced"))
                        .returnResult(Void.class).getStatus().value());
            }
            for (Future<Integer> status : executor.invokeAll(creates)) {
                statuses.add(status.get());
            }
        } finally {
            executor.shutdownNow();
        }

        // then
        assertThat(statuses).containsOnly(200, 201).filteredOn(status -> status == 201).hasSize(1);
        as(network).get(network.pools("1", "100")).expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1);
    }

    @Test
    void aWriteAnswersThePoolAsALaterReadReturnsIt() {
        // given: the store keeps coordinates to eight decimals
        TestNetwork network = freshNetwork();
        Map<String, Object> sent = pool("7");
        sent.put("local_center", Map.of("latitude", 34.123456789, "longitude", -119.5));

        // when
        Map<String, Object> written = NetworkClient.object(as(network).post(network.pools("1", "100"), sent)
                .expectStatus().isOk());
        Map<String, Object> read = NetworkClient.object(as(network).get(network.pool("1", "100", "7")).expectStatus().isOk());

        // then
        assertThat(written).isEqualTo(read);
        assertThat(read).containsEntry("local_center", Map.of("latitude", 34.12345679, "longitude", -119.5));
    }
}
