package net.ringpool.numbers;

import static net.ringpool.numbers.ServeClient.pool;
import static net.ringpool.numbers.ServeClient.trackingNumbers;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.IntStream;

import net.ringpool.api.FaultSettings;
import net.ringpool.api.RingPoolServer;
import net.ringpool.api.ServeSettings;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Local-number allocation through a real serve over real HTTP, with a one-second allocation delay. Each
 * scenario uses area codes or exchanges of its own, so that scenarios sharing a database do not compete.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LocalAllocationScenarios {

    static final Duration ALLOCATION_DELAY = Duration.ofSeconds(1);
    static final List<String> TOLL_FREE = List.of("800", "888", "877", "866", "855", "844", "833");

    RingPoolServer server;
    ServeClient client;

    /** The Spring datasource properties of the database the scenarios run on. */
    abstract Map<String, Object> database();

    @BeforeAll
    void start() {
        server = startServer();
        client = new ServeClient(server.baseUrl());
        unscheduleOtherSuitesAllocations();
    }

    /**
     * The shared test database holds the pools of every suite that ran before, all scheduled for allocation
     * ten minutes after their save: in a long run tens of thousands fall due while these scenarios wait
     * seconds for theirs, and the allocator serves them first (oldest due first). Their numbers are nobody's
     * concern here, so they are taken off the schedule.
     */
    private void unscheduleOtherSuitesAllocations() {
        Map<String, Object> properties = database();
        JdbcClient.create(new DriverManagerDataSource((String) properties.get("spring.datasource.url"),
                        (String) properties.get("spring.datasource.username"),
                        (String) properties.get("spring.datasource.password")))
                .sql("UPDATE number_pool SET allocate_after = NULL WHERE allocate_after IS NOT NULL AND network_id <> ?")
                .param(ServeClient.NETWORK)
                .update();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    RingPoolServer startServer() {
        Map<String, Object> properties = new LinkedHashMap<>(database());
        properties.put(AllocationProperties.DELAY, ALLOCATION_DELAY.toString());
        return RingPoolServer.start(0, "127.0.0.1", new ServeSettings(Map.of(ServeClient.TOKEN, ServeClient.NETWORK),
                Set.of(), false, FaultSettings.none()), properties, false);
    }

    @Test
    void aWhitelistKeepsLocalNumbersInsideItsPrefixesAndTollFreeFillsTheShortfall() {
        // given a pool centred on 805 and whitelisted to 805 and 212, and one limited to the exchange 212-617
        client.save(pool("whitelist-805-212", "local_center", Map.of("tn_prefix", "805"),
                "tn_prefix_whitelist", List.of("805", "212"), "max_pool_size", 6));
        client.save(pool("whitelist-212617", "local_center", Map.of("tn_prefix", "805"),
                "tn_prefix_whitelist", List.of("212617"), "max_pool_size", 13));

        // when their allocations have run
        JsonNode wide = client.awaitAllocated("whitelist-805-212");
        JsonNode narrow = client.awaitAllocated("whitelist-212617");

        // then the first has six numbers of its nearest whitelisted area code, 805
        assertThat(trackingNumbers(wide)).hasSize(6).allMatch(number -> number.startsWith("805"));
        assertThat(wide.path("numbers")).allMatch(number -> !number.path("toll_free").asBoolean());
        // and the second the ten numbers of exchange 212-617, toll-free numbers for the other three
        List<String> narrowNumbers = trackingNumbers(narrow);
        assertThat(narrowNumbers).hasSize(13);
        assertThat(narrowNumbers.subList(0, 10)).allMatch(number -> number.startsWith("212617"));
        assertThat(narrowNumbers.subList(10, 13)).allMatch(number -> TOLL_FREE.contains(number.substring(0, 3)));
        assertThat(narrow.path("overflow_number").path("toll_free").asBoolean()).isTrue();
    }

    @Test
    void anNpaNxxCentreFillsFromItsExchangeFirstThenFromItsAreaCode() {
        // given
        client.save(pool("exchange-415617", "local_center", Map.of("tn_prefix", "415617"), "max_pool_size", 12));

        // when
        List<String> numbers = trackingNumbers(client.awaitAllocated("exchange-415617"));

        // then
        assertThat(numbers).hasSize(12).allMatch(number -> number.startsWith("415"));
        assertThat(numbers).filteredOn(number -> number.startsWith("415617")).hasSize(10);
    }

    @Test
    void aZipcodeCentredPoolGetsTheAreaCodeOfThatPlace() {
        // given a pool centred on Santa Barbara, CA
        client.save(pool("zip-93101", "local_center", Map.of("zipcode", "93101")));

        // when
        List<String> numbers = trackingNumbers(client.awaitAllocated("zip-93101"));

        // then it has the default two numbers, from 805 (or its overlay 820)
        assertThat(numbers).hasSize(2).allMatch(number -> number.startsWith("805") || number.startsWith("820"));
    }

    @Test
    void aLatitudeLongitudeCentredPoolGetsTheAreaCodesOfThatPlace() {
        // given a pool centred on Midtown Manhattan
        client.save(pool("latlong-nyc", "local_center", Map.of("latitude", 40.75, "longitude", -73.99),
                "max_pool_size", 3));

        // when
        List<String> numbers = trackingNumbers(client.awaitAllocated("latlong-nyc"));

        // then
        assertThat(numbers).hasSize(3).allMatch(number -> List.of("212", "646", "917", "332").contains(number.substring(0, 3)));
    }

    @Test
    void shrinkingAndDeletingAPoolReleaseItsNumbersToOthers() {
        // given pool A holds all ten numbers of exchange 702-617, and pool B, limited to that exchange, none
        client.save(pool("release-a", "local_center", Map.of("tn_prefix", "702617"),
                "tn_prefix_whitelist", List.of("702617"), "max_pool_size", 10));
        List<String> allOfTheExchange = trackingNumbers(client.awaitAllocated("release-a"));
        client.save(pool("release-b", "tn_prefix_whitelist", List.of("702617"), "max_pool_size", 10));
        assertThat(allOfTheExchange).hasSize(10).allMatch(number -> number.startsWith("702617"));
        assertThat(trackingNumbers(client.awaitAllocated("release-b"))).hasSize(10)
                .noneMatch(number -> number.startsWith("702"));

        // when A shrinks to four and B is reallocated
        client.save(pool("release-a", "local_center", Map.of("tn_prefix", "702617"),
                "tn_prefix_whitelist", List.of("702617"), "max_pool_size", 4));
        List<String> kept = trackingNumbers(client.awaitAllocated("release-a"));
        client.save(pool("release-b", "tn_prefix_whitelist", List.of("702617"), "max_pool_size", 9));
        List<String> released = trackingNumbers(client.awaitAllocated("release-b"));

        // then A kept four of its numbers and B got the six A let go
        assertThat(kept).hasSize(4).isSubsetOf(allOfTheExchange);
        List<String> letGo = new ArrayList<>(allOfTheExchange);
        letGo.removeAll(kept);
        assertThat(released.subList(0, 6)).containsExactlyInAnyOrderElementsOf(letGo);

        // when A is deleted and B reallocated
        client.delete("release-a");
        client.save(pool("release-b", "tn_prefix_whitelist", List.of("702617"), "max_pool_size", 10));

        // then B holds the whole exchange
        assertThat(client.numbersResponse("release-a", ServeClient.TOKEN).statusCode()).isEqualTo(404);
        assertThat(trackingNumbers(client.awaitAllocated("release-b"))).containsExactlyInAnyOrderElementsOf(allOfTheExchange);
    }

    @Test
    void changingTheCentreReallocatesWhileOtherChangesKeepTheNumbers() {
        // given a pool centred on Seattle
        client.save(pool("moving", "local_center", Map.of("tn_prefix", "206")));
        List<String> seattle = trackingNumbers(client.awaitAllocated("moving"));

        // when only its name changes
        client.save(pool("moving", "local_center", Map.of("tn_prefix", "206"), "name", "Renamed"));
        JsonNode renamed = client.numbers("moving");

        // then nothing is reallocated
        assertThat(seattle).hasSize(2).allMatch(number -> number.startsWith("206"));
        assertThat(renamed.path("allocation_status").asString()).isEqualTo("allocated");
        assertThat(trackingNumbers(renamed)).isEqualTo(seattle);

        // when it moves to Miami
        client.save(pool("moving", "local_center", Map.of("tn_prefix", "305")));

        // then its numbers follow
        assertThat(client.numbers("moving").path("allocation_status").asString()).isEqualTo("pending");
        assertThat(trackingNumbers(client.awaitAllocated("moving"))).hasSize(2).allMatch(number -> number.startsWith("305"));
    }

    @Test
    void manyPoolsAllocatedAtOnceNeverShareANumber() throws Exception {
        // given fifty pools created at once, each wanting two numbers of 907 which has forty
        List<String> ids = IntStream.range(0, 50).mapToObj(i -> "crowd-" + i).toList();
        createConcurrently(ids, id -> client, "907");

        // when
        List<JsonNode> allocations = ids.stream().map(client::awaitAllocated).toList();

        // then
        assertNoNumberInTwoPools(allocations, "907", 40);
    }

    @Test
    void theSameVisitorKeepsItsNumberForTheLifetimeAndOthersWaitForIt() {
        // given an allocated pool of two numbers held for two seconds
        JsonNode saved = client.save(pool("visitors", "max_pool_size", 2, "lifetime_seconds", 2));
        long id = saved.path("id").asLong();
        String key = "ring_pool_key=" + saved.path("api_key").asString();
        JsonNode numbers = client.awaitAllocated("visitors");
        List<String> tracking = trackingNumbers(numbers);

        // when three visitors ask
        JsonNode alice = client.allocate(id, key + "&param1=alice");
        JsonNode aliceAgain = client.allocate(id, key + "&param1=alice");
        long bobAskedAt = System.nanoTime();
        JsonNode bob = client.allocate(id, key + "&param1=bob");
        JsonNode carol = client.allocate(id, key + "&param1=carol");

        // then alice keeps hers, bob gets the other one, and carol, with both held, the overflow number
        assertThat(tracking).hasSize(2).allMatch(number -> TOLL_FREE.contains(number.substring(0, 3)));
        assertThat(aliceAgain.path("promo_number").asString()).isEqualTo(alice.path("promo_number").asString());
        assertThat(List.of(alice.path("promo_number").asString(), bob.path("promo_number").asString()))
                .containsExactlyInAnyOrderElementsOf(tracking);
        assertThat(alice.has("overflow")).isFalse();
        assertThat(carol.path("overflow").asBoolean()).isTrue();
        assertThat(carol.path("promo_number").asString())
                .isEqualTo(numbers.path("overflow_number").path("promo_number").asString());

        // when carol asks until she gets a tracking number
        JsonNode carolLater = carol;
        while (carolLater.path("overflow").asBoolean()) {
            assertThat(Duration.ofNanos(System.nanoTime() - bobAskedAt)).as("holds expire").isLessThan(Duration.ofSeconds(15));
            ServeClient.pause(Duration.ofMillis(200));
            carolLater = client.allocate(id, key + "&param1=carol");
        }

        // then that happened only after the holds' lifetime
        assertThat(Duration.ofNanos(System.nanoTime() - bobAskedAt)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(tracking).contains(carolLater.path("promo_number").asString());
    }

    @Test
    void aPoolNotYetAllocatedAnswersTheSharedOverflowNumber() {
        // given a pool just created
        JsonNode saved = client.save(pool("early"));
        assertThat(client.numbers("early").path("allocation_status").asString()).isEqualTo("pending");

        // when a visitor asks at once
        JsonNode answer = client.allocate(saved.path("id").asLong(), "ring_pool_key=" + saved.path("api_key").asString());

        // then
        assertThat(client.numbers("early").path("allocation_status").asString()).isEqualTo("pending");
        assertThat(answer.path("promo_number").asString()).isEqualTo("8883906665");
        assertThat(answer.path("promo_number_formatted").asString()).isEqualTo("888-390-6665");
        assertThat(answer.path("overflow").asBoolean()).isTrue();
    }

    @Test
    void aWrongKeyIsRefusedWithInvalidKeyInEveryFormat() throws Exception {
        // given
        long id = client.save(pool("guarded")).path("id").asLong();

        // when
        HttpResponse<String> json = client.allocate(id, "json", "ring_pool_key=nope&param1=x");
        HttpResponse<String> csv = client.allocate(id, "csv", "ring_pool_key=nope");
        HttpResponse<String> xml = client.allocate(id, "xml", "ring_pool_key=nope");
        HttpResponse<String> noSuchPool = client.allocate(987654321, "json", "ring_pool_key=nope");

        // then
        String expected = "InvalidKey: API Key 'nope' is not valid for resource '" + id + "'";
        assertThat(json.statusCode()).isEqualTo(403);
        assertThat(json.body()).isEqualTo(expected);
        assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(csv.statusCode()).isEqualTo(403);
        assertThat(csv.body()).isEqualTo(expected);
        assertThat(xml.statusCode()).isEqualTo(403);
        Document error = xml(xml.body());
        assertThat(error.getDocumentElement().getTagName()).isEqualTo("Error");
        assertThat(text(error, "Class")).isEqualTo("InvalidKey");
        assertThat(text(error, "Message")).isEqualTo("API Key 'nope' is not valid for resource '" + id + "'");
        assertThat(noSuchPool.statusCode()).isEqualTo(403);
        assertThat(noSuchPool.body()).isEqualTo("InvalidKey: API Key 'nope' is not valid for resource '987654321'");
    }

    @Test
    void oneVisitorGetsItsNumberAsJsonXmlAndCsv() throws Exception {
        // given an allocated pool
        JsonNode saved = client.save(pool("formats", "max_pool_size", 3));
        long id = saved.path("id").asLong();
        String query = "ring_pool_key=" + saved.path("api_key").asString() + "&search_engine=google&search_keywords=local+plumber";
        List<String> tracking = trackingNumbers(client.awaitAllocated("formats"));

        // when one visitor asks in each format
        HttpResponse<String> json = client.allocate(id, "json", query);
        HttpResponse<String> xml = client.allocate(id, "xml", query);
        HttpResponse<String> csv = client.allocate(id, "csv", query + "&landing_page=https%3A%2F%2Fexample.com%2Fa");

        // then the answers carry one number of the pool in Invoca's three shapes, the landing page changing only the link
        assertThat(json.statusCode()).isEqualTo(200);
        JsonNode number = JsonMapper.builder().build().readTree(json.body());
        String promoNumber = number.path("promo_number").asString();
        assertThat(tracking).contains(promoNumber);
        assertThat(number.path("promo_number_formatted").asString())
                .isEqualTo(promoNumber.substring(0, 3) + "-" + promoNumber.substring(3, 6) + "-" + promoNumber.substring(6));
        assertThat(number.path("tracking_url").asString()).isEqualTo(server.baseUrl() + "/c/" + id + "/" + promoNumber
                + "?us=https%3A%2F%2Fwww.invoca.com");
        assertThat(number.propertyNames()).containsExactly("promo_number_formatted", "tracking_url", "promo_number");

        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("xml"));
        Document response = xml(xml.body());
        assertThat(response.getDocumentElement().getTagName()).isEqualTo("Response");
        assertThat(text(response, "PromoNumber")).isEqualTo(promoNumber);
        assertThat(text(response, "PromoNumberFormatted")).isEqualTo(number.path("promo_number_formatted").asString());
        assertThat(text(response, "TrackingUrl")).isEqualTo(number.path("tracking_url").asString());

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.body().split("\r\n")).containsExactly("PromoNumberFormatted,PromoNumber,TrackingUrl",
                number.path("promo_number_formatted").asString() + "," + promoNumber + "," + server.baseUrl() + "/c/" + id
                        + "/" + promoNumber + "?us=https%3A%2F%2Fexample.com%2Fa");
    }

    @Test
    void racingClaimsForTheSameNumbersGiveEachToOnePool() throws Exception {
        // given eight pools and the numbers of one exchange
        List<String> racers = IntStream.range(0, 8).mapToObj(i -> "racer-" + i).toList();
        List<Long> pools = racers.stream().map(racer -> client.save(pool(racer)).path("id").asLong()).toList();
        racers.forEach(client::awaitAllocated);
        DriverManagerDataSource dataSource = new DriverManagerDataSource((String) database().get("spring.datasource.url"),
                (String) database().get("spring.datasource.username"), (String) database().get("spring.datasource.password"));
        NumberInventory inventory = new NumberInventory(JdbcClient.create(dataSource));
        TnPrefix exchange = new TnPrefix("603", "617");
        inventory.ensure(exchange);
        List<String> candidates = inventory.freeLocal(exchange, 10);

        // when every pool claims all of them at once, three times over
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<String> won = new ArrayList<>();
        try {
            List<Callable<List<String>>> claims = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                pools.forEach(id -> claims.add(() -> inventory.claim(id, candidates, NumberInventory.Role.TRACKING,
                        OffsetDateTime.now())));
            }
            for (Future<List<String>> claim : threads.invokeAll(claims)) {
                won.addAll(claim.get());
            }
        } finally {
            threads.shutdownNow();
        }

        // then each number went to exactly one pool, and that pool kept it in later rounds
        assertThat(candidates).hasSize(10);
        Map<String, Long> holders = new LinkedHashMap<>();
        for (long id : pools) {
            inventory.allocated(id).stream().filter(n -> candidates.contains(n.number()))
                    .forEach(n -> assertThat(holders.put(n.number(), id)).as("second holder of %s", n.number()).isNull());
        }
        assertThat(holders.keySet()).containsExactlyInAnyOrderElementsOf(candidates);
        assertThat(new HashSet<>(won)).containsExactlyInAnyOrderElementsOf(candidates);
    }

    void createConcurrently(List<String> ids, Function<String, ServeClient> through, String npa)
            throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<JsonNode>> creates = ids.stream().map(id -> (Callable<JsonNode>) () -> through.apply(id)
                    .save(pool(id, "local_center", Map.of("tn_prefix", npa), "tn_prefix_whitelist", List.of(npa))))
                    .toList();
            for (Future<JsonNode> created : threads.invokeAll(creates)) {
                assertThat(created.get().path("id").asLong()).isPositive();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static Document xml(String body) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(body)));
    }

    private static String text(Document document, String element) {
        return document.getElementsByTagName(element).item(0).getTextContent();
    }

    static void assertNoNumberInTwoPools(List<JsonNode> allocations, String npa, int localInventory) {
        List<String> all = new ArrayList<>();
        for (JsonNode allocation : allocations) {
            assertThat(trackingNumbers(allocation)).hasSize(2);
            all.addAll(trackingNumbers(allocation));
            all.add(allocation.path("overflow_number").path("promo_number").asString());
        }
        assertThat(new HashSet<>(all)).hasSameSizeAs(all);
        assertThat(all).filteredOn(number -> number.startsWith(npa)).hasSize(localInventory);
    }
}
