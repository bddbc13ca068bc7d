package net.ringpool.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;

/**
 * Requests the API cannot take at all: too large, not JSON, to no endpoint, with the wrong method. Each
 * is still answered in Invoca's {@code {"errors":{"class":..,"invalid_data":..}}} shape, never Spring's.
 */
abstract class HttpErrorsSuite extends ServeSuite {

    private static final int MAX_BODY_BYTES = 1024 * 1024;

    HttpErrorsSuite(Store store) {
        super(store);
    }

    /** A valid pool padded with an unknown key to {@code bytes} of JSON in all. */
    private static String poolOfSize(int bytes) {
        String head = "{\"id_from_network\":\"big\",\"name\":\"n\",\"pool_type\":\"Search\",\"destination_type\":\"API\","
                + "\"padding\":\"";
        return head + "x".repeat(bytes - head.length() - 2) + "\"}";
    }

    @Test
    void aBodyOverTheOneMegabyteLimitAnswers413() {
        // given
        TestNetwork network = freshNetwork();

        // when / then
        as(network).post(network.pools("1", "100"), poolOfSize(MAX_BODY_BYTES + 1)).expectStatus().isEqualTo(413)
                .expectBody().json("""
                        {"errors":{"class":"PayloadTooLarge",
                         "invalid_data":"The request body is larger than the 1048576 bytes this API accepts."}}""",
                        JsonCompareMode.STRICT);
        as(network).get(network.pools("1", "100")).expectStatus().isNotFound();
    }

    @Test
    void aBodyOfExactlyOneMegabyteIsRead() {
        // given
        TestNetwork network = freshNetwork();

        // when / then
        as(network).post(network.pools("1", "100"), poolOfSize(MAX_BODY_BYTES)).expectStatus().isCreated();
    }

    @Test
    void anUnknownPathUnderTheApiAnswers404() {
        // given
        TestNetwork network = freshNetwork();

        // when / then
        as(network).get("/api/2016-10-01/" + network.id() + "/ring_pools.json").expectStatus().isNotFound()
                .expectBody().json("{\"errors\":{\"class\":\"RoutingError\",\"invalid_data\":"
                        + "\"No route matches [GET] \\\"/api/2016-10-01/" + network.id() + "/ring_pools.json\\\"\"}}",
                        JsonCompareMode.STRICT);
        as(network).get("/api/2015-12-09/anything").expectStatus().isNotFound()
                .expectBody().jsonPath("$.errors.class").isEqualTo("RoutingError");
        as(network).get(network.pools("1", "100").replace(".json", ".xml")).expectStatus().isNotFound()
                .expectBody().jsonPath("$.errors.class").isEqualTo("RoutingError");
    }

    @Test
    void aBodyThatIsNotJsonAnswers415NamingTheTypeToSend() {
        // given
        TestNetwork network = freshNetwork();

        // when / then
        client().post().uri(network.pools("1", "100")).header(HttpHeaders.AUTHORIZATION, network.token())
                .contentType(MediaType.TEXT_PLAIN).bodyValue("name=x").exchange()
                .expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .expectBody().json("""
                        {"errors":{"class":"UnsupportedMediaType","invalid_data":
                         "This API reads JSON only: send the body as application/json (Content-Type was text/plain)."}}""",
                        JsonCompareMode.STRICT);
        client().put().uri(network.pool("1", "100", "7")).header(HttpHeaders.AUTHORIZATION, network.token())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("name=x").exchange()
                .expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .expectBody().jsonPath("$.errors.class").isEqualTo("UnsupportedMediaType");
        as(network).get(network.pools("1", "100")).expectStatus().isNotFound();
    }

    @Test
    void malformedJsonAndNonObjectsAnswer400() {
        // given
        TestNetwork network = freshNetwork();

        // when / then
        for (String body : new String[] {"{\"name\": ", "[1, 2]", "\"a string\""}) {
            as(network).post(network.pools("1", "100"), body).expectStatus().isBadRequest()
                    .expectBody().json("{\"errors\":{\"class\":\"BadRequest\","
                            + "\"invalid_data\":\"The request body is not a JSON object.\"}}", JsonCompareMode.STRICT);
        }
    }

    @Test
    void aMethodAPathDoesNotTakeAnswers405WithTheMethodsItDoes() {
        // given
        TestNetwork network = freshNetwork();

        // when / then
        client().method(HttpMethod.PATCH).uri(network.pool("1", "100", "7"))
                .header(HttpHeaders.AUTHORIZATION, network.token())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange()
                .expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                .expectHeader().valueMatches(HttpHeaders.ALLOW, ".*DELETE.*")
                .expectBody().jsonPath("$.errors.class").isEqualTo("MethodNotAllowed")
                .jsonPath("$.errors.invalid_data").isEqualTo("No route matches [PATCH] \"" + network.pool("1", "100", "7")
                        + "\"; this path answers DELETE, GET, POST, PUT");
    }

    @Test
    void refusalsAndAnswersMixedOnOneKeptAliveConnectionAllArrive() throws Exception {
        // given: refusals are decided at once, lists only after a trip to the database
        TestNetwork network = freshNetwork();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI advertisers = URI.create(server().baseUrl() + network.advertisers());
        URI pools = URI.create(server().baseUrl() + network.pools("1", "100"));
        List<HttpRequest> requests = List.of(
                HttpRequest.newBuilder(advertisers).header(HttpHeaders.AUTHORIZATION, network.token()).build(),
                HttpRequest.newBuilder(advertisers).build(),
                HttpRequest.newBuilder(pools).header(HttpHeaders.AUTHORIZATION, network.token())
                        .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                        .POST(BodyPublishers.ofString("{\"name\": \"no pool_type\"}")).build(),
                HttpRequest.newBuilder(pools).header(HttpHeaders.AUTHORIZATION, network.token()).build());
        List<Integer> statuses = List.of(200, 401, 403, 404);

        // when / then: every request is answered; none waits forever on the reused connection
        for (int i = 0; i < 160; i++) {
            HttpRequest request = HttpRequest.newBuilder(requests.get(i % 4), (name, value) -> true)
                    .timeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> response = http.send(request, BodyHandlers.ofString());
            assertThat(response.statusCode()).as("request %d", i).isEqualTo(statuses.get(i % 4));
        }
    }

    @Test
    void aClientAcceptingOnlyXmlStillGetsJson() {
        // given
        TestNetwork network = freshNetwork();
        as(network).post(network.pools("1", "100"), RingPoolLifecycleSuite.pool("7")).expectStatus().isCreated();

        // when / then
        client().get().uri(network.pool("1", "100", "7")).header(HttpHeaders.AUTHORIZATION, network.token())
                .accept(MediaType.APPLICATION_XML).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.id_from_network").isEqualTo("7");
        client().get().uri(network.pool("1", "100", "8")).header(HttpHeaders.AUTHORIZATION, network.token())
                .accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.errors.class").isEqualTo("RecordNotFound");
    }
}
