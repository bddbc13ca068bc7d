package net.ringpool.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.ringpool.api.FaultSettings;
import net.ringpool.api.RingPoolServer;
import net.ringpool.api.ServeSettings;
import net.ringpool.cli.ExitCode;
import net.ringpool.support.CommandLine;
import net.ringpool.support.CommandLine.Result;
import net.ringpool.support.TestDatabase;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client sends the token over plain http only to this machine's loopback, unless {@code --allow-insecure}:
 * a serve listening on one of this machine's other addresses shows that a refused import or export sent
 * nothing at all, and that the same command with the flag does reach it. ({@code ImportCommandTests} checks
 * the refusal's wording for a host name.)
 */
@Tag("reliability")
class PlainHttpTests {

    private static final String NETWORK = "7621";
    private static final String TOKEN = "plain-http-token";

    @TempDir
    Path directory;

    @Test
    void theTokenGoesOverPlainHttpToAnotherHostOnlyWithAllowInsecure() throws Exception {
        // given a serve on an address of this machine that is not loopback
        InetAddress address = nonLoopbackAddress();
        // a failure, not a skip: the build machines have one, and a skip would hide that this was never checked
        assertThat(address).as("an IPv4 address of this machine besides loopback").isNotNull();
        Map<String, Object> database = new LinkedHashMap<>(TestDatabase.postgres());
        database.put("ringpool.serve.count-requests", true);
        Path tokenFile = Files.writeString(directory.resolve("token"), TOKEN);
        Path file = Files.writeString(directory.resolve("pools.csv"), BadInputFile.HEADER + "\nadv,c1,p-1,Pool,Search,API\n");
        try (RingPoolServer server = RingPoolServer.start(0, address.getHostAddress(),
                new ServeSettings(Map.of(TOKEN, NETWORK), Set.of(), false, FaultSettings.none()), database, false)) {
            String url = "http://" + address.getHostAddress() + ":" + server.port();

            // when
            Result imported = CommandLine.run(args("import", file.toString(), "--api-url", url, "--network-id", NETWORK,
                    "--token-file", tokenFile.toString(), "--out", directory.resolve("out").toString()));
            Result exported = CommandLine.run(args("export", "--all", "-o", directory.resolve("all.csv").toString(),
                    "--api-url", url, "--network-id", NETWORK, "--token-file", tokenFile.toString()));
            long requestsWhenRefused = requests(server);
            Result allowed = CommandLine.run(args("import", file.toString(), "--api-url", url, "--network-id", NETWORK,
                    "--token-file", tokenFile.toString(), "--allow-insecure", "--out", directory.resolve("out").toString()));

            // then
            String refusal = "error: refusing to send the API token over plain http to " + address.getHostAddress()
                    + "; use https, or --allow-insecure if you mean it" + System.lineSeparator();
            for (Result refused : List.of(imported, exported)) {
                assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.USAGE);
                assertThat(refused.err()).isEqualTo(refusal);
                assertThat(refused.out()).isEmpty();
            }
            assertThat(requestsWhenRefused).as("requests the refused commands sent").isZero();
            assertThat(directory.resolve("all.csv")).doesNotExist();
            assertThat(allowed.exitCode()).as(allowed.toString()).isEqualTo(ExitCode.OK);
            assertThat(requests(server)).as("requests sent with --allow-insecure").isPositive();
        }
    }

    private static InetAddress nonLoopbackAddress() throws Exception {
        for (NetworkInterface face : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!face.isUp() || face.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(face.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                    return address;
                }
            }
        }
        return null;
    }

    private static long requests(RingPoolServer server) {
        return server.requestCounts().values().stream().mapToLong(Long::longValue).sum();
    }

    private static String[] args(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(TestDatabase.postgresOptions()));
        return all.toArray(String[]::new);
    }
}
