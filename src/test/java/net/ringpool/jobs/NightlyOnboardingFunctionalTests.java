package net.ringpool.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import net.ringpool.api.FaultSettings;
import net.ringpool.api.RingPoolServer;
import net.ringpool.api.ServeSettings;
import net.ringpool.support.TestDatabase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jobs/nightly-onboarding.sh as cron would run it: an inbox of three files, and a second run that overlaps. */
class NightlyOnboardingFunctionalTests {

    private static final String NETWORK = "9901";
    private static final String TOKEN = "nightly-token-31d2";
    private static final String HEADER = "advertiser_id_from_network,advertiser_campaign_id_from_network,"
            + "id_from_network,name,pool_type,destination_type\n";

    @TempDir
    Path dir;

    @Test
    void oneRunImportsTheInboxInOrderAndAnOverlappingRunExitsAtOnce() throws Exception {
        // given: three files in the inbox, the second with a bad row; an API slow enough that the run lasts
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.writeString(inbox.resolve("01-first.csv"), HEADER + "n,c,p1,One,Search,Advertiser\nn,c,p2,Two,Search,API\n");
        Files.writeString(inbox.resolve("02-second.csv"), HEADER + "n,c,p3,Three,Search,API\nn,c,p4,,Search,API\n");
        Files.writeString(inbox.resolve("03-third.csv"), HEADER + "n,d,p5,Five,Custom,Advertiser\n");
        try (RingPoolServer server = RingPoolServer.start(0, "127.0.0.1", new ServeSettings(Map.of(TOKEN, NETWORK),
                Set.of(), false, new FaultSettings(200, 0, 0, 0, 0, 1, 1)), TestDatabase.postgres(), false)) {
            Path config = config(inbox, server.baseUrl());

            // when: a run starts, and a second one starts while the first holds the lock
            Process first = start(config, dir.resolve("first.log"));
            waitFor(dir.resolve("first.log"), "importing 01-first.csv");
            long started = System.nanoTime();
            Process second = start(config, dir.resolve("second.log"));
            assertThat(second.waitFor(20, TimeUnit.SECONDS)).isTrue();
            double secondSeconds = (System.nanoTime() - started) / 1e9;
            assertThat(first.waitFor(240, TimeUnit.SECONDS)).as(Files.readString(dir.resolve("first.log"))).isTrue();

            // then
            String firstLog = Files.readString(dir.resolve("first.log"));
            assertThat(second.exitValue()).isEqualTo(75);
            assertThat(Files.readString(dir.resolve("second.log"))).contains("another run holds");
            assertThat(secondSeconds).isLessThan(10);
            assertThat(first.exitValue()).as(firstLog).isEqualTo(3);
            assertThat(firstLog.indexOf("importing 01-first.csv")).isLessThan(firstLog.indexOf("importing 02-second.csv"));
            assertThat(firstLog.indexOf("importing 02-second.csv")).isLessThan(firstLog.indexOf("importing 03-third.csv"));
            assertThat(csvFiles(inbox)).isEmpty();
            assertThat(csvFiles(inbox.resolve("done"))).hasSize(3)
                    .anyMatch(name -> name.endsWith("-01-first.csv"))
                    .anyMatch(name -> name.endsWith("-02-second.csv"))
                    .anyMatch(name -> name.endsWith("-03-third.csv"));
            assertThat(csvFiles(inbox.resolve("failed"))).isEmpty();
            assertThat(firstLog).doesNotContain(TOKEN);
        }
    }

    @Test
    void anUnusableFileGoesToFailed() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox2"));
        Files.writeString(inbox.resolve("bad.csv"), "just,some,columns\n1,2,3\n");
        try (RingPoolServer server = RingPoolServer.start(0, "127.0.0.1", new ServeSettings(Map.of(TOKEN, NETWORK),
                Set.of(), false, FaultSettings.none()), TestDatabase.postgres(), false)) {
            Process run = start(config(inbox, server.baseUrl()), dir.resolve("bad.log"));
            assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();

            assertThat(run.exitValue()).isEqualTo(3);
            assertThat(csvFiles(inbox.resolve("failed"))).singleElement().matches(name -> name.endsWith("-bad.csv"));
            assertThat(Files.readString(dir.resolve("bad.log"))).contains("bad.csv is unusable (exit 2)");
        }
    }

    private Path config(Path inbox, String apiUrl) throws IOException {
        Path token = Files.writeString(dir.resolve("token"), TOKEN);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String surefire = System.getProperty("surefire.test.class.path");
        String classpath = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        Path classpathFile = Files.writeString(dir.resolve("classpath"), classpath);
        return Files.writeString(dir.resolve("nightly.conf"), String.join("\n",
                "RINGPOOL_INBOX=" + inbox,
                "RINGPOOL_OUT=" + dir.resolve("out"),
                "RINGPOOL_API_URL=" + apiUrl,
                "RINGPOOL_NETWORK_ID=" + NETWORK,
                "RINGPOOL_TOKEN_FILE=" + token,
                "RINGPOOL_CMD=\"" + java + " -cp $(cat " + classpathFile + ") net.ringpool.cli.Main\"",
                "RINGPOOL_IMPORT_ARGS=\"--db " + TestDatabase.postgresUrl() + " --db-user " + TestDatabase.postgresUser() + "\"",
                ""), StandardCharsets.UTF_8);
    }

    private static Process start(Path config, Path log) throws IOException {
        return new ProcessBuilder("bash", Path.of("jobs", "nightly-onboarding.sh").toString(), config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static void waitFor(Path log, String text) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("'" + text + "' never appeared in " + log + ":\n" + Files.readString(log));
    }

    private static List<String> csvFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".csv")).sorted().toList();
        }
    }
}
