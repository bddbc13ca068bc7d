package net.ringpool.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import net.ringpool.api.FaultSettings;
import net.ringpool.api.RingPoolServer;
import net.ringpool.api.ServeSettings;
import net.ringpool.cli.ExitCode;
import net.ringpool.support.CommandLine;
import net.ringpool.support.CommandLine.Result;
import net.ringpool.support.TestDatabase;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/**
 * What a token can reach, end to end: the command line with one network's token cannot read or change
 * another network's pools; every refusal is the same answer whatever was wrong (so it helps no guessing),
 * and a body over the API's bound is refused however it is sent. The HTTP-level cases of each token place
 * and of the 1 MB bound itself are in {@code TokenSuite} and {@code HttpErrorsSuite}.
 */
@Tag("reliability")
class NetworkBoundaryTests {

    private static final String A = "7611";
    private static final String B = "7612";
    private static final String TOKEN_A = "token-of-network-a";
    private static final String TOKEN_B = "token-of-network-b";
    private static final String POOLS = "/advertisers/adv/advertiser_campaigns/c1/ring_pools";
    private static RingPoolServer server;

    @TempDir
    static Path directory;

    @BeforeAll
    static void start() throws Exception {
        Map<String, Object> database = new LinkedHashMap<>(TestDatabase.postgres());
        database.put("ringpool.serve.count-requests", true);
        server = RingPoolServer.start(0, "127.0.0.1", new ServeSettings(Map.of(TOKEN_A, A, TOKEN_B, B), Set.of(), false,
                FaultSettings.none()), database, false);
        for (String[] network : new String[][] {{A, TOKEN_A}, {B, TOKEN_B}}) {
            Path file = Files.writeString(directory.resolve("pools-" + network[0] + ".csv"), BadInputFile.HEADER + "\n"
                    + "adv,c1," + network[0] + "-1,Pool of " + network[0] + ",Search,Advertiser\n"
                    + "adv,c1,shared-id,Same id in each network,Custom,API\n");
            Result created = CommandLine.run(importArgs(file, network[0], tokenFile(network[1])));
            assertThat(created.exitCode()).as(created.toString()).isEqualTo(ExitCode.OK);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aTokenOfOneNetworkNeitherReadsNorWritesAnotherNetworksPools() throws Exception {
        // given
        Map<String, JsonNode> before = NetworkPools.of(server, B, TOKEN_B);
        Path file = Files.writeString(directory.resolve("into-b.csv"), BadInputFile.HEADER + ",action\n"
                + "adv,c1,shared-id,Overwritten by A,Search,Advertiser,\n"
                + "adv,c1," + B + "-1,,,,delete\n"
                + "adv,c1,new-in-b,Created by A,Search,Advertiser,\n");
        Path export = directory.resolve("b-by-a.csv");

        // when network A's token is used for network B
        Result imported = CommandLine.run(importArgs(file, B, tokenFile(TOKEN_A)));
        Result exported = CommandLine.run(withDatabase("export", "--all", "-o", export.toString(), "--api-url",
                server.baseUrl(), "--network-id", B, "--token-file", tokenFile(TOKEN_A).toString()));

        // then both stop on the refusal, nothing is written, and B's pools are exactly as they were
        assertThat(imported.exitCode()).as(imported.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(imported.err()).contains("the API refused the token (HTTP 401) for network " + B);
        assertThat(exported.exitCode()).as(exported.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(exported.err()).contains("the API refused the token for network " + B);
        assertThat(export).doesNotExist();
        assertThat(NetworkPools.of(server, B, TOKEN_B)).isEqualTo(before);
        assertThat(NetworkPools.of(server, A, TOKEN_A)).containsOnlyKeys(A + "-1", "shared-id");
    }

    @Test
    void everyRefusalIsTheSameAnswerWhateverWasWrong() {
        // given requests to B without a token, with a wrong one, with A's; for a pool that exists and one that does not
        List<String> tokens = new ArrayList<>();
        tokens.add(null);
        tokens.addAll(List.of("", "Bearer ", TOKEN_B + "x", TOKEN_B.substring(0, TOKEN_B.length() - 1), TOKEN_A,
                "Bearer " + TOKEN_A));
        List<String> paths = List.of(POOLS + "/" + B + "-1.json", POOLS + "/no-such-pool.json", POOLS + ".json",
                "/advertisers.json", "/advertisers/no-such-advertiser/advertiser_campaigns.json");
        String body = "{\"id_from_network\":\"x\",\"name\":\"n\",\"pool_type\":\"Search\",\"destination_type\":\"API\"}";

        // when
        Map<String, String> answers = new TreeMap<>();
        for (String token : tokens) {
            for (String path : paths) {
                for (String method : List.of("GET", "PUT", "DELETE")) {
                    if (method.equals("GET") || path.contains("/ring_pools/")) {
                        HttpResponse<String> answer = NetworkPools.send(server, method, "/api/2016-10-01/" + B + path,
                                token, method.equals("PUT") ? body : null);
                        answers.put(method + " " + path + " with " + token, describe(answer));
                    }
                }
            }
        }

        // then each of the 63 refusals is byte for byte the same, headers included
        assertThat(answers).hasSize(tokens.size() * 9);
        assertThat(Set.copyOf(answers.values())).as(answers.toString()).singleElement().asString()
                .startsWith("401 ").contains("{\"errors\":{\"class\":\"NotAuthorized\",\"invalid_data\":\"Not authorized\"}}");
        assertThat(NetworkPools.of(server, B, TOKEN_B)).containsOnlyKeys(B + "-1", "shared-id");
    }

    @Test
    void aBodyOverTheBoundIsRefusedWith413EvenWhenStreamedWithoutALength() throws Exception {
        // given 5 MB of JSON sent in chunks, so no Content-Length tells the size in advance
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI pool = URI.create(server.baseUrl() + "/api/2016-10-01/" + A + POOLS + "/big.json");

        // when
        long started = System.nanoTime();
        HttpResponse<String> withToken = http.send(HttpRequest.newBuilder(pool).timeout(Duration.ofSeconds(30))
                .header("Authorization", TOKEN_A).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> largePool(5 * 1024 * 1024))).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> withoutToken = http.send(HttpRequest.newBuilder(pool).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> largePool(5 * 1024 * 1024))).build(),
                HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - started) / 1e9;

        // then
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(413);
        assertThat(withToken.body()).contains("PayloadTooLarge").contains("1048576 bytes");
        assertThat(withoutToken.statusCode()).as(withoutToken.body()).isIn(401, 413);
        assertThat(seconds).isLessThan(30);
        assertThat(NetworkPools.of(server, A, TOKEN_A)).doesNotContainKey("big");
    }

    /** A pool's JSON padded by an unknown key to {@code bytes}, produced as it is read. */
    private static InputStream largePool(int bytes) {
        byte[] head = "{\"id_from_network\":\"big\",\"name\":\"n\",\"pool_type\":\"Search\",\"destination_type\":\"API\",\"padding\":\""
                .getBytes();
        return new InputStream() {
            private int position;

            @Override
            public int read() {
                if (position >= bytes) {
                    return -1;
                }
                int at = position++;
                if (at < head.length) {
                    return head[at];
                }
                return at == bytes - 2 ? '"' : at == bytes - 1 ? '}' : 'x';
            }
        };
    }

    private static String describe(HttpResponse<String> answer) {
        Map<String, List<String>> headers = new TreeMap<>(answer.headers().map());
        headers.remove("date");
        return answer.statusCode() + " " + headers + " " + answer.body();
    }

    private static String[] importArgs(Path file, String network, Path tokenFile) {
        return withDatabase("import", file.toString(), "--api-url", server.baseUrl(), "--network-id", network,
                "--token-file", tokenFile.toString(), "--out", directory.resolve("out-" + System.nanoTime()).toString());
    }

    private static String[] withDatabase(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(TestDatabase.postgresOptions()));
        return all.toArray(String[]::new);
    }

    private static Path tokenFile(String token) throws Exception {
        return Files.writeString(directory.resolve("token-" + token), token);
    }
}
