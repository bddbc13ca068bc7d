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
