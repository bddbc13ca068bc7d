package net.ringpool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import net.ringpool.support.CommandLine;
import net.ringpool.support.CommandLine.Result;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import command's usage errors (exit 2, before any database or API is touched) and a database that is down. */
class ImportCommandTests {

    @TempDir
    Path directory;

    @Test
    void helpExplainsResumingAndTheExitCodes() {
        // when
        Result result = CommandLine.run("import", "--help");

        // then
        assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(result.out()).contains("the same command resumes").contains("Exit codes: 0")
                .contains("--only-changed").contains("--dry-run").contains("--skip-limit").contains("--concurrency");
    }

    @Test
    void aFileIsRequired() {
        // when
        Result result = CommandLine.run("import", "--api-url", "http://127.0.0.1:1", "--network-id", "1");

        // then
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).startsWith("error: Missing required parameter: 'FILE'");
    }

    @Test
    void aDelimiterIsOneCharacter() throws Exception {
        // when
        Result result = CommandLine.run("import", file().toString(), "--api-url", "http://127.0.0.1:1", "--network-id",
                "1", "--delimiter", ";;", "--token-file", token().toString());

        // then
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).isEqualTo("error: --delimiter must be one character other than a quote or a line "
                + "break, e.g. ';' or tab" + System.lineSeparator());
    }

    @Test
    void aDryRunDoesNotReadTheApiForOnlyChanged() throws Exception {
        // when
        Result result = CommandLine.run("import", file().toString(), "--api-url", "http://127.0.0.1:1", "--network-id",
                "1", "--dry-run", "--only-changed");

        // then
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("--dry-run and --only-changed cannot be combined");
    }

    @Test
    void theTokenIsNotSentOverPlainHttpToAnotherHost() throws Exception {
        // when
        Result result = CommandLine.run("import", file().toString(), "--api-url", "http://api.example.com",
                "--network-id", "1", "--token-file", token().toString());

        // then
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("refusing to send the API token over plain http to api.example.com");
    }

    @Test
    void anUnreadableTokenFileIsAUsageError() throws Exception {
        // when
        Result result = CommandLine.run("import", file().toString(), "--api-url", "http://127.0.0.1:1",
                "--network-id", "1", "--token-file", directory.resolve("absent").toString());

        // then
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("cannot read --token-file");
    }

    @Test
    void aDatabaseThatIsDownIsOneLineAndExitCodeOne() throws Exception {
        // when
        Result result = CommandLine.run("import", file().toString(), "--api-url", "http://127.0.0.1:1", "--network-id",
                "1", "--token-file", token().toString(), "--db", "jdbc:postgresql://127.0.0.1:1/none", "--db-user", "x");

        // then
        assertThat(result.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(result.err()).isEqualTo("error: the job database jdbc:postgresql://127.0.0.1:1/none cannot be used: "
                + "Connection refused" + System.lineSeparator());
        assertThat(result.out()).isEmpty();
    }

    private Path file() throws Exception {
        return Files.writeString(directory.resolve("pools.csv"), "advertiser_id_from_network,"
                + "advertiser_campaign_id_from_network,id_from_network,name,pool_type,destination_type\n");
    }

    private Path token() throws Exception {
        return Files.writeString(directory.resolve("token"), "secret");
    }
}
