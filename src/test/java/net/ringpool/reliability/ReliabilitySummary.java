package net.ringpool.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Collects what the reliability suite measured and prints the closing table once the test plan has run: per
 * scenario the rows, lost, duplicated and wrong-final-state counts, and per bad-input file whether its expected
 * outcome was met. Registered as a JUnit Platform listener (META-INF/services); the table also goes to
 * {@code target/reliability-summary.txt}.
 */
public final class ReliabilitySummary implements TestExecutionListener {

    /** One scenario's invariant counts; every count but {@code rows} must be zero. */
    public record Scenario(String name, long rows, long lost, long duplicated, long wrongState) {
    }

    /** One bad-input file and whether the import did what its expected outcome says. */
    public record BadInput(String file, String expected, boolean met) {
    }

    private static final List<Scenario> SCENARIOS = new ArrayList<>();
    private static final List<BadInput> BAD_INPUTS = new ArrayList<>();

    public static synchronized void record(Scenario scenario) {
        SCENARIOS.add(scenario);
    }

    public static synchronized void record(BadInput badInput) {
        BAD_INPUTS.add(badInput);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        String table = table();
        if (table.isEmpty()) {
            return;
        }
        System.out.println(table);
        try {
            Path target = Path.of("target");
            if (Files.isDirectory(target)) {
                Files.writeString(target.resolve("reliability-summary.txt"), table);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized String table() {
        if (SCENARIOS.isEmpty() && BAD_INPUTS.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\nReliability summary\n");
        String row = "%-58s %8s %6s %10s %12s%n";
        out.append(String.format(Locale.ROOT, row, "scenario", "rows", "lost", "duplicated", "wrong state"));
        long rows = 0;
        long lost = 0;
        long duplicated = 0;
        long wrong = 0;
        for (Scenario s : SCENARIOS) {
            out.append(String.format(Locale.ROOT, row, s.name(), s.rows(), s.lost(), s.duplicated(), s.wrongState()));
            rows += s.rows();
            lost += s.lost();
            duplicated += s.duplicated();
            wrong += s.wrongState();
        }
        out.append(String.format(Locale.ROOT, row, "total: " + SCENARIOS.size() + " scenarios", rows, lost, duplicated,
                wrong));
        long met = BAD_INPUTS.stream().filter(BadInput::met).count();
        out.append(String.format(Locale.ROOT, "bad-input files: %d, expected outcome met: %d%n", BAD_INPUTS.size(), met));
        BAD_INPUTS.stream().filter(b -> !b.met())
                .forEach(b -> out.append("  not met: ").append(b.file()).append(" (expected ").append(b.expected())
                        .append(")\n"));
        return out.toString();
    }
}
