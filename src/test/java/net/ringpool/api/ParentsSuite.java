package net.ringpool.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.json.JsonCompareMode;

/**
 * Advertisers and campaigns, the parents an export walks: their endpoints, the lenient default that
 * creates them under a RingPool write, and {@code --strict}, which answers 404 instead as Invoca does.
 */
abstract class ParentsSuite extends ServeSuite {

    private RingPoolServer strictServer;

    ParentsSuite(Store store) {
        super(store);
    }

    private NetworkClient strictly(TestNetwork network) {
        if (strictServer == null) {
            strictServer = start(settings(true, FaultSettings.none()));
        }
        return as(network, strictServer);
    }

    @Test
    void aPoolWrittenUnderUnknownParentsCreatesThemByDefault() {
        // given
        TestNetwork network = freshNetwork();

        // when
        as(network).post(network.pools("adv-1", "camp-1"), RingPoolLifecycleSuite.pool("7")).expectStatus().isCreated();

        // then: named after their ids, as nothing else is known of them
        as(network).get(network.advertisers()).expectStatus().isOk()
                .expectBody().json("[{\"id_from_network\":\"adv-1\",\"name\":\"adv-1\"}]", JsonCompareMode.LENIENT)
                .jsonPath("$[0].id").isNumber();
        as(network).get(network.campaigns("adv-1")).expectStatus().isOk()
                .expectBody().json("[{\"id_from_network\":\"camp-1\",\"name\":\"camp-1\"}]", JsonCompareMode.LENIENT);
    }

    @Test
    void advertisersAreCreatedReadRenamedAndListed() {
        // given
        TestNetwork network = freshNetwork();

        // when / then
        as(network).post(network.advertisers(), Map.of("id_from_network", "b", "name", "Bravo")).expectStatus().isCreated()
                .expectBody().json("{\"id_from_network\":\"b\",\"name\":\"Bravo\"}", JsonCompareMode.LENIENT);
        as(network).post(network.advertisers(), Map.of("id_from_network", "b", "name", "Bravo Two")).expectStatus().isOk();
        as(network).put(network.advertiser("a"), Map.of("name", "Alpha")).expectStatus().isCreated();
        as(network).post(network.advertiser("a"), Map.of("name", "Alpha Two")).expectStatus().isOk();
        as(network).get(network.advertiser("a")).expectStatus().isOk()
                .expectBody().json("{\"id_from_network\":\"a\",\"name\":\"Alpha Two\"}", JsonCompareMode.LENIENT);
        as(network).get(network.advertisers()).expectStatus().isOk()
                .expectBody().json("[{\"id_from_network\":\"a\",\"name\":\"Alpha Two\"},"
                        + "{\"id_from_network\":\"b\",\"name\":\"Bravo Two\"}]", JsonCompareMode.LENIENT);
    }

    @Test
    void campaignsAreCreatedReadRenamedAndListedPerAdvertiser() {
        // given
        TestNetwork network = freshNetwork();
        as(network).post(network.advertisers(), Map.of("id_from_network", "1", "name", "One")).expectStatus().isCreated();

        // when / then
        as(network).post(network.campaigns("1"), Map.of("id_from_network", "200", "name", "Summer")).expectStatus().isCreated();
        as(network).put(network.campaign("1", "100"), Map.of("name", "Spring")).expectStatus().isCreated();
        as(network).post(network.campaign("1", "100"), Map.of("name", "Spring Sale")).expectStatus().isOk();
        as(network).get(network.campaign("1", "100")).expectStatus().isOk()
                .expectBody().json("{\"id_from_network\":\"100\",\"name\":\"Spring Sale\"}", JsonCompareMode.LENIENT);
        as(network).get(network.campaigns("1")).expectStatus().isOk()
                .expectBody().json("[{\"id_from_network\":\"100\",\"name\":\"Spring Sale\"},"
                        + "{\"id_from_network\":\"200\",\"name\":\"Summer\"}]", JsonCompareMode.LENIENT);
    }

    @Test
    void unknownParentsAnswer404InInvocasShape() {
        // given
        TestNetwork network = freshNetwork();

        // when / then
        as(network).get(network.advertiser("9")).expectStatus().isNotFound()
                .expectBody().json("{\"errors\":{\"class\":\"RecordNotFound\",\"invalid_data\":\"Could not find Advertiser 9\"}}",
                        JsonCompareMode.STRICT);
        as(network).get(network.campaigns("9")).expectStatus().isNotFound();
        as(network).get(network.campaign("9", "100")).expectStatus().isNotFound()
                .expectBody().json("{\"errors\":{\"class\":\"RecordNotFound\","
                        + "\"invalid_data\":\"Could not find AdvertiserCampaign 100 for advertiser 9\"}}", JsonCompareMode.STRICT);
        as(network).get(network.pools("9", "100")).expectStatus().isNotFound();
    }

    @Test
    void parentsOfOneNetworkAreInvisibleToAnother() {
        // given
        TestNetwork mine = freshNetwork();
        TestNetwork theirs = freshNetwork();
        as(theirs).post(theirs.advertisers(), Map.of("id_from_network", "1")).expectStatus().isCreated();

        // when / then
        as(mine).get(mine.advertisers()).expectStatus().isOk().expectBody().json("[]", JsonCompareMode.STRICT);
        as(mine).get(mine.advertiser("1")).expectStatus().isNotFound();
    }

    @Test
    void badParentBodiesAnswer403() {
        // given
        TestNetwork network = freshNetwork();

        // when / then
        as(network).post(network.advertisers(), Map.of("name", "No id")).expectStatus().isForbidden()
                .expectBody().json("{\"errors\":{\"id_from_network\":[\"can't be blank\"]}}", JsonCompareMode.STRICT);
        as(network).post(network.advertisers(), Map.of("id_from_network", "a/b")).expectStatus().isForbidden()
                .expectBody().json("{\"errors\":{\"id_from_network\":[\"must not contain / \\\\ ? # % or control characters\"]}}",
                        JsonCompareMode.STRICT);
        as(network).post(network.advertisers(), Map.of("id_from_network", "1", "name", "n".repeat(256)))
                .expectStatus().isForbidden()
                .expectBody().json("{\"errors\":{\"name\":[\"is too long (maximum is 255 characters)\"]}}", JsonCompareMode.STRICT);
        as(network).put(network.advertiser("1"), Map.of("name", " ")).expectStatus().isForbidden();
        as(network).put(network.advertiser("1"), Map.of("name", "a\u0000b")).expectStatus().isForbidden()
                .expectBody().json("{\"errors\":{\"name\":[\"must not contain NUL characters (0x00)\"]}}",
                        JsonCompareMode.STRICT);
        as(network).put(network.campaign("1", "2"), Map.of("name", "\u0000")).expectStatus().isForbidden();
        as(network).put(network.campaign("1", "x".repeat(256)), Map.of()).expectStatus().isForbidden()
                .expectBody().json("{\"errors\":{\"advertiser_campaign_id_from_network\":"
                        + "[\"is too long (maximum is 255 characters)\"]}}", JsonCompareMode.STRICT);
        as(network).get(network.advertisers()).expectStatus().isOk().expectBody().json("[]", JsonCompareMode.STRICT);
    }

    @Test
    void anAdvertiserWithCampaignsCannotBeDeletedAndDeletingTwiceIsHarmless() {
        // given
        TestNetwork network = freshNetwork();
        as(network).put(network.campaign("1", "100"), Map.of()).expectStatus().isCreated();
        as(network).put(network.advertiser("2"), Map.of()).expectStatus().isCreated();

        // when / then
        as(network).delete(network.advertiser("1")).expectStatus().isForbidden()
                .expectBody().json("{\"errors\":{\"class\":\"RecordInvalid\","
                        + "\"invalid_data\":\"Cannot delete Advertiser 1 because it has advertiser campaigns.\"}}",
                        JsonCompareMode.STRICT);
        as(network).delete(network.advertiser("2")).expectStatus().isOk().expectBody().json("{}", JsonCompareMode.STRICT);
        as(network).delete(network.advertiser("2")).expectStatus().isOk().expectBody().json("{}", JsonCompareMode.STRICT);
        as(network).get(network.advertisers()).expectStatus().isOk()
                .expectBody().jsonPath("$[*].id_from_network").isEqualTo(List.of("1"));
    }

    @Test
    void strictAnswers404ForAPoolUnderAnUnknownCampaignAndCreatesNothing() {
        // given
        TestNetwork network = freshNetwork();

        // when / then
        strictly(network).post(network.pools("1", "100"), RingPoolLifecycleSuite.pool("7")).expectStatus().isNotFound()
                .expectBody().json("{\"errors\":{\"class\":\"RecordNotFound\","
                        + "\"invalid_data\":\"Could not find AdvertiserCampaign 100 for advertiser 1\"}}", JsonCompareMode.STRICT);
        strictly(network).put(network.pool("1", "100", "7"), RingPoolLifecycleSuite.pool("7")).expectStatus().isNotFound();
        strictly(network).get(network.advertisers()).expectStatus().isOk().expectBody().json("[]", JsonCompareMode.STRICT);
    }

    @Test
    void strictAnswers404ForACampaignUnderAnUnknownAdvertiser() {
        // given
        TestNetwork network = freshNetwork();

        // when / then
        strictly(network).post(network.campaigns("1"), Map.of("id_from_network", "100")).expectStatus().isNotFound()
                .expectBody().json("{\"errors\":{\"class\":\"RecordNotFound\",\"invalid_data\":\"Could not find Advertiser 1\"}}",
                        JsonCompareMode.STRICT);
        strictly(network).put(network.campaign("1", "100"), Map.of()).expectStatus().isNotFound();
        strictly(network).get(network.advertisers()).expectStatus().isOk().expectBody().json("[]", JsonCompareMode.STRICT);
    }

    @Test
    void strictWritesPoolsOnceTheParentsExist() {
        // given
        TestNetwork network = freshNetwork();
        strictly(network).post(network.advertisers(), Map.of("id_from_network", "1", "name", "One")).expectStatus().isCreated();
        strictly(network).post(network.campaigns("1"), Map.of("id_from_network", "100", "name", "Hundred"))
                .expectStatus().isCreated();

        // when / then
        strictly(network).post(network.pools("1", "100"), RingPoolLifecycleSuite.pool("7")).expectStatus().isCreated();
        strictly(network).get(network.pool("1", "100", "7")).expectStatus().isOk();
        strictly(network).get(network.campaign("1", "100")).expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Hundred");
    }
}
