package net.ringpool.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.ringpool.cli.Main;

/** Runs a command line in-process, as a user would, and keeps what it printed. */
public final class CommandLine {

    private static final Pattern EXECUTION = Pattern.compile("job execution (\\d+)");

    private CommandLine() {
    }

    public record Result(int exitCode, String out, String err, double seconds) {

        /** The job execution the import's summary names. */
        public long jobExecutionId() {
            Matcher matcher = EXECUTION.matcher(out);
            if (!matcher.find()) {
                throw new AssertionError("no job execution in the output:\n" + out + "\n" + err);
            }
            return Long.parseLong(matcher.group(1));
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long started = System.nanoTime();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString(), (System.nanoTime() - started) / 1e9);
    }
}
