package net.ringpool.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/**
 * API tokens: accepted in each of the three places Invoca documents, refused (401) when missing or
 * wrong, and granting only the network they belong to; a refusal tells nothing about which tokens exist.
 */
abstract class TokenSuite extends ServeSuite {

    private static final String NOT_AUTHORIZED = """
            {"errors":{"class":"NotAuthorized","invalid_data":"Not authorized"}}""";

    TokenSuite(Store store) {
        super(store);
    }

    @Test
    void aRawAuthorizationHeaderIsAccepted() {
        // given
        TestNetwork network = freshNetwork();

        // when / then
        client().post().uri(network.pools("1", "100")).header(HttpHeaders.AUTHORIZATION, network.token())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(RingPoolLifecycleSuite.pool("7")).exchange()
                .expectStatus().isCreated();
    }

    @Test
    void aBearerAuthorizationHeaderIsAccepted() {
        // given
        TestNetwork network = freshNetwork();

        // when / then
        client().post().uri(network.pools("1", "100")).header(HttpHeaders.AUTHORIZATION, "Bearer " + network.token())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(RingPoolLifecycleSuite.pool("7")).exchange()
                .expectStatus().isCreated();
        client().get().uri(network.pools("1", "100")).header(HttpHeaders.AUTHORIZATION, "bearer " + network.token())
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void anOauthTokenQueryParameterIsAccepted() {
        // given
        TestNetwork network = freshNetwork();

        // when / then
        client().post().uri(network.pools("1", "100") + "?oauth_token=" + network.token())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(RingPoolLifecycleSuite.pool("7")).exchange()
                .expectStatus().isCreated();
        client().get().uri(network.pool("1", "100", "7") + "?oauth_token=" + network.token()).exchange()
                .expectStatus().isOk();
    }

    @Test
    void anOauthTokenKeyOfTheBodyIsAcceptedAndNotStored() {
        // given
        TestNetwork network = freshNetwork();
        Map<String, Object> body = RingPoolLifecycleSuite.pool("7");
        body.put("oauth_token", network.token());

        // when
        Map<String, Object> created = client().post().uri(network.pools("1", "100"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody(OBJECT).returnResult().getResponseBody();

        // then
        assertThat(created).doesNotContainKey("oauth_token").doesNotContainValue(network.token());
    }

    @Test
    void aRequestWithoutATokenIsRefused() {
        // given
        TestNetwork network = freshNetwork();

        // when / then
        client().get().uri(network.pools("1", "100")).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().json(NOT_AUTHORIZED, JsonCompareMode.STRICT);
        client().get().uri(network.advertisers()).exchange().expectStatus().isUnauthorized();
        client().post().uri(network.pools("1", "100")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(RingPoolLifecycleSuite.pool("7")).exchange()
                .expectStatus().isUnauthorized();
        client().get().uri(network.pools("1", "100")).header(HttpHeaders.AUTHORIZATION, "Bearer ").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aWrongTokenIsRefusedEvenBesideAGoodOneElsewhere() {
        // given: the header is read first, so a bad header is not rescued by a good query parameter
        TestNetwork network = freshNetwork();

        // when / then
        client().get().uri(network.pools("1", "100")).header(HttpHeaders.AUTHORIZATION, network.token() + "x")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().json(NOT_AUTHORIZED, JsonCompareMode.STRICT);
        client().get().uri(network.pools("1", "100") + "?oauth_token=" + network.token())
                .header(HttpHeaders.AUTHORIZATION, "not-a-token").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aTokenGrantsItsOwnNetworkOnlyAndTheRefusalTellsNothing() {
        // given
        TestNetwork mine = freshNetwork();
        TestNetwork theirs = freshNetwork();
        as(theirs).post(theirs.pools("1", "100"), RingPoolLifecycleSuite.pool("7")).expectStatus().isCreated();

        // when
        String otherNetworksToken = refusedBody(client().get().uri(theirs.pool("1", "100", "7"))
                .header(HttpHeaders.AUTHORIZATION, mine.token()).exchange());
        String unknownToken = refusedBody(client().get().uri(theirs.pool("1", "100", "7"))
                .header(HttpHeaders.AUTHORIZATION, "no-such-token").exchange());
        String noToken = refusedBody(client().get().uri(theirs.pool("1", "100", "7")).exchange());

        // then
        assertThat(otherNetworksToken).isEqualTo(unknownToken).isEqualTo(noToken);
        as(mine).delete(theirs.pool("1", "100", "7")).expectStatus().isUnauthorized();
        as(mine).put(theirs.pool("1", "100", "7"), RingPoolLifecycleSuite.pool("7")).expectStatus().isUnauthorized();
        as(theirs).get(theirs.pool("1", "100", "7")).expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("Pool 7");
    }

    private static String refusedBody(ResponseSpec response) {
        return response.expectStatus().isUnauthorized()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
