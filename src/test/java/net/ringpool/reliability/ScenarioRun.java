package net.ringpool.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.ringpool.sample.PoolFileGenerator;
import net.ringpool.support.Outcomes;
import net.ringpool.support.TestDatabase;

import org.junit.jupiter.api.Tag;

/**
 * One reliability scenario's import: a generated file, its own network and token, the command line, and the
 * closing check of the invariants, which is recorded for the suite's summary before it is asserted.
 */
@Tag("reliability")
final class ScenarioRun {

    private final Outcomes outcomes = new Outcomes();
    private final Path directory;
    private final String network;
    private final String token;
    private final Path file;
    private final Path out;

    ScenarioRun(Path directory, String network, long rows, double invalidShare) throws IOException {
        this.directory = Files.createDirectories(directory);
        this.network = network;
        this.token = "reliability-token-" + network;
        this.file = directory.resolve("pools-" + network + ".csv");
        this.out = directory.resolve("out");
        PoolFileGenerator.write(file, new PoolFileGenerator.Spec(rows, invalidShare, Long.parseLong(network), 4, 3,
                "r" + network + "-"));
    }

    String network() {
        return network;
    }

    String token() {
        return token;
    }

    /** The import command against the API, with the scenario's own options last. */
    List<String> args(String apiUrl, String... options) throws IOException {
        Path tokenFile = directory.resolve("token");
        Files.writeString(tokenFile, token + "\n");
        List<String> args = new ArrayList<>(List.of("import", file.toString(), "--api-url", apiUrl, "--network-id",
                network, "--token-file", tokenFile.toString(), "--out", out.toString()));
        args.addAll(List.of(TestDatabase.postgresOptions()));
        args.addAll(List.of(options));
        return args;
    }

    String[] argv(String apiUrl, String... options) throws IOException {
        return args(apiUrl, options).toArray(String[]::new);
    }

    /** The newest job execution id so far, so that a process started after it can be told apart. */
    long lastExecution() {
        Long last = outcomes.jdbc().queryForObject("SELECT MAX(job_execution_id) FROM batch_job_execution", Long.class);
        return last == null ? 0 : last;
    }

    /** The job execution started after {@code baseline} whose import step has begun, or null. */
    Long executionWithStepAfter(long baseline) {
        List<Long> found = outcomes.jdbc().queryForList("SELECT job_execution_id FROM batch_step_execution "
                + "WHERE job_execution_id > ? ORDER BY job_execution_id", Long.class, baseline);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Outcomes recorded (committed) so far for the execution's run, and the requests they count. */
    long[] recordedAndAttempts(long jobExecutionId) {
        Map<String, Object> row = outcomes.jdbc().queryForMap("SELECT COUNT(*) AS n, COALESCE(SUM(attempts), 0) AS a "
                + "FROM ringpool_row_outcome WHERE job_instance_id = ?", outcomes.instanceOf(jobExecutionId));
        return new long[] {((Number) row.get("n")).longValue(), ((Number) row.get("a")).longValue()};
    }

    String executionStatus(long jobExecutionId) {
        return outcomes.jdbc().queryForObject("SELECT status FROM batch_job_execution WHERE job_execution_id = ?",
                String.class, jobExecutionId);
    }

    /**
     * Checks the invariants of the run the execution belongs to, records them for the summary under
     * {@code name}, and asserts that they hold.
     *
     * @param requestWindows requests per pool during each execution of the run, or null when not counted
     */
    Invariants.Verdict verify(String name, long jobExecutionId, List<Map<String, Long>> requestWindows)
            throws IOException {
        Invariants.Verdict verdict = new ImportState().check(file, network, jobExecutionId,
                out.resolve("outcomes.csv"), requestWindows);
        ReliabilitySummary.record(verdict.scenario(name));
        assertThat(verdict.holds()).as("%s: %s", name, verdict).isTrue();
        return verdict;
    }
}
