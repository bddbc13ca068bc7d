package net.ringpool.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an audit report shows: one execution, or the digest of every execution in a time window.
 *
 * @param title e.g. "Import execution 42" or "Digest of the last 24h"
 * @param executions the executions covered, newest first
 * @param countsByStatus outcome rows per status over all of them
 * @param errorGroups the failures grouped by status and message, most frequent first
 * @param failedRows every row that ended INVALID, REJECTED or FAILED
 * @param throughput outcome rows recorded per time bucket, for the throughput chart
 */
public record AuditReport(String title, Instant generatedAt, List<Execution> executions,
        Map<String, Long> countsByStatus, List<ErrorGroup> errorGroups, List<FailedRow> failedRows,
        List<ThroughputPoint> throughput) {

    /** Statuses that count as a failed row. */
    public static final List<String> FAILED_STATUSES = List.of("INVALID", "REJECTED", "FAILED");

    /** Every outcome status, in the order reports list them. */
    public static final List<String> STATUSES = List.of("CREATED", "UPDATED", "UNCHANGED", "DELETED", "INVALID",
            "REJECTED", "FAILED");

    public long totalRows() {
        return countsByStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One job execution with its parameters (which never hold a secret) and outcome counts. */
    public record Execution(long id, long instanceId, String jobName, String status, String exitCode,
            Instant start, Instant end, Map<String, String> parameters, Map<String, Long> countsByStatus) {

        public Duration duration() {
            if (start == null) {
                return Duration.ZERO;
            }
            return Duration.between(start, end == null ? Instant.now() : end);
        }

        public long rows() {
            return countsByStatus.values().stream().mapToLong(Long::longValue).sum();
        }

        public double rowsPerSecond() {
            double seconds = duration().toMillis() / 1000.0;
            return seconds <= 0 ? 0 : rows() / seconds;
        }
    }

    /** Failures sharing a status and a message. */
    public record ErrorGroup(String status, String message, long count, List<Long> exampleLines) {
    }

    /** One input line that did not succeed. */
    public record FailedRow(long jobExecutionId, String file, long lineNumber, String advertiserId,
            String campaignId, String idFromNetwork, String action, String status, Integer httpStatus, int attempts,
            String message) {
    }

    /** Outcome rows recorded in the bucket starting at {@code start}. */
    public record ThroughputPoint(Instant start, long rows) {
    }
}
