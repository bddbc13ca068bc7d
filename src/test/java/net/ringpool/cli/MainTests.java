package net.ringpool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class MainTests {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        int code = run("--help");

        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("serve").contains("Exit codes");
    }

    @Test
    void theRootHelpAndAMissingCommandListEveryCommand() {
        assertThat(run("--help")).isEqualTo(ExitCode.OK);
        assertThat(run()).isEqualTo(ExitCode.USAGE);

        assertThat(out.toString()).contains("serve", "import", "export", "jobs", "report", "demo", "generate",
                "mapping", "worker");
        assertThat(err.toString()).contains("Missing command: choose one of serve, import, export, jobs, report, demo, "
                + "generate, mapping, worker");
    }

    @Test
    void onlyTheNamedCommandIsBuiltAndAnUnknownOneStillGetsTheFullList() {
        assertThat(RootCommand.commandsFor("import", "rows.csv")).containsExactly(ImportCommand.class);
        assertThat(RootCommand.commandsFor("worker")).containsExactly(WorkerCommand.class);
        assertThat(RootCommand.commandsFor("--version")).isEqualTo(RootCommand.COMMANDS);
        assertThat(RootCommand.commandsFor()).isEqualTo(RootCommand.COMMANDS);

        assertThat(run("imprt", "rows.csv")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("imprt").contains("import");
    }

    @Test
    void serveHelpFitsAnEightyColumnTerminalAndNamesWhatEachOptionTakes() {
        int code = run("serve", "--help");

        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(out.toString().lines()).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(80));
        // picocli's default labels are the Java field names, e.g. <latencyMillis>
        assertThat(out.toString()).doesNotContainPattern("<[a-z]+[A-Z][A-Za-z]*>")
                .contains("--port=PORT", "--token=NETWORK:TOKEN", "--latency-ms=MS", "--spike-rate=SHARE", "--spike-ms=MS", "--fail-rate=SHARE",
                        "--rate-limit=PER_SECOND", "--fault-seed=SEED", "Fault injection (off by default)", "Example:");
        // a description paragraph wraps where the terminal ends, not where the source line did
        assertThat(out.toString()).contains("database: the peer for tests, demos and rehearsals before production.");
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithOneClearLine() {
        int code = run("serve", "--no-such-option");

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).startsWith("error: Unknown option: '--no-such-option'")
                .doesNotContain("Exception");
    }

    @Test
    void serveWithoutAnyTokenIsRefusedBeforeStarting() {
        int code = run("serve", "--port", "0");

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("serve needs at least one --token NETWORK:TOKEN");
    }

    @Test
    void faultSharesOutsideZeroToOneAreRefused() {
        int code = run("serve", "--token", "1:t", "--fail-rate", "1.5");

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("shares from 0 to 1");
    }
}
