package net.ringpool.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import net.ringpool.support.CommandLine;
import net.ringpool.support.TestDatabase;

/**
 * A command line run in-process with everything the JVM printed meanwhile: the log lines of the command's
 * Spring context and of an in-process serve go to {@code System.out}/{@code System.err}, which the console
 * appender looks up on every write, so they are copied here while still reaching the console.
 */
record CapturedRun(CommandLine.Result result, String logs) {

    static CapturedRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(TestDatabase.postgresOptions()));
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        System.setOut(new PrintStream(new Tee(out, copy), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(err, copy), true, StandardCharsets.UTF_8));
        try {
            return new CapturedRun(CommandLine.run(all.toArray(String[]::new)), copy.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    int exitCode() {
        return result.exitCode();
    }

    /** What the command printed itself and everything logged meanwhile. */
    String everything() {
        return result.out() + "\n" + result.err() + "\n" + logs;
    }

    @Override
    public String toString() {
        return result + "--- logs\n" + logs;
    }

    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final ByteArrayOutputStream second;

        Tee(OutputStream first, ByteArrayOutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) {
            synchronized (second) {
                second.write(b);
            }
            try {
                first.write(b);
            } catch (IOException ignored) {
                // the console is a courtesy; the copy is what the test reads
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (second) {
                second.write(b, off, len);
            }
            try {
                first.write(b, off, len);
            } catch (IOException ignored) {
                // as above
            }
        }
    }
}
