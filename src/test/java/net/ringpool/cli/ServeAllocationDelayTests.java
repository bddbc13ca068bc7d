package net.ringpool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class ServeAllocationDelayTests {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void anUnreadableAllocationDelayIsAUsageErrorBeforeStarting() {
        // when
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "serve", "--token", "1:t", "--port", "0", "--allocation-delay", "soon");

        // then
        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--allocation-delay: not a duration: soon").doesNotContain("Exception");
    }

    @Test
    void helpExplainsTheAllocationDelay() {
        // when
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "serve", "--help");

        // then
        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("--allocation-delay=DURATION").contains("default: 10m");
    }
}
