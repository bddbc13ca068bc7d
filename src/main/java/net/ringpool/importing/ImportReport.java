package net.ringpool.importing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import net.ringpool.outcome.OutcomeStatus;

/**
 * How an import ended.
 *
 * @param exitCode 0, 1 or 3 as PRODUCT.md defines them
 * @param counts outcomes of the whole run (every execution of the job instance)
 * @param rowsThisExecution rows this execution recorded
 * @param outcomesFile outcomes.csv, or null when it could not be written
 * @param failure why the job failed or stopped, in one line; null when it completed
 * @param summary the lines to show the user
 */
public record ImportReport(int exitCode, long jobExecutionId, long jobInstanceId, String status,
        Map<OutcomeStatus, Long> counts, long rowsThisExecution, double seconds, Path outcomesFile, Path errorsFile,
        String failure, List<String> summary) {

    public long count(OutcomeStatus status) {
        return counts.getOrDefault(status, 0L);
    }

    public long rows() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
