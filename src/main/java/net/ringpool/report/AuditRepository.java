package net.ringpool.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the job history for {@code jobs} and {@code report}: Spring Batch's execution tables joined
 * with the per-row outcomes in {@code ringpool_row_outcome}.
 */
@Repository
class AuditRepository {

    static final int EXAMPLE_LINES = 5;
    static final int THROUGHPUT_BUCKETS = 60;

    private static final String EXECUTION_COLUMNS = "e.job_execution_id, e.job_instance_id, i.job_name, e.status, "
            + "e.exit_code, e.start_time, e.end_time";

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Executions newest first, optionally only those with the given batch status. */
    List<AuditReport.Execution> executions(int limit, String status, Instant since) {
        StringBuilder sql = new StringBuilder("SELECT " + EXECUTION_COLUMNS + " FROM batch_job_execution e "
                + "JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (status != null) {
            sql.append(" AND e.status = ?");
            params.add(status);
        }
        if (since != null) {
            sql.append(" AND e.create_time >= ?");
            params.add(Timestamp.from(since));
        }
        sql.append(" ORDER BY e.job_execution_id DESC LIMIT ?");
        params.add(limit);
        List<ExecutionRow> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> new ExecutionRow(
                rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)))).list();
        return rows.stream().map(this::complete).toList();
    }

    Optional<AuditReport.Execution> execution(long jobExecutionId) {
        return jdbc.sql("SELECT " + EXECUTION_COLUMNS + " FROM batch_job_execution e "
                        + "JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id WHERE e.job_execution_id = ?")
                .param(jobExecutionId)
                .query((rs, n) -> new ExecutionRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7))))
                .optional()
                .map(this::complete);
    }

    /** Outcome rows per status of the given executions, in the reports' status order (VALID after them: dry runs). */
    Map<String, Long> countsByStatus(List<Long> executionIds) {
        Map<String, Long> counts = new LinkedHashMap<>();
        AuditReport.STATUSES.forEach(status -> counts.put(status, 0L));
        if (executionIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("SELECT status, COUNT(*) FROM ringpool_row_outcome WHERE job_execution_id IN (" + marks(executionIds)
                        + ") GROUP BY status")
                .params(new ArrayList<Object>(executionIds))
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    List<AuditReport.ErrorGroup> errorGroups(List<Long> executionIds) {
        if (executionIds.isEmpty()) {
            return List.of();
        }
        List<AuditReport.ErrorGroup> groups = jdbc.sql("SELECT status, message, COUNT(*) AS n FROM ringpool_row_outcome "
                        + "WHERE job_execution_id IN (" + marks(executionIds) + ") AND status IN ('INVALID', 'REJECTED', 'FAILED') "
                        + "GROUP BY status, message ORDER BY n DESC, status, message")
                .params(new ArrayList<Object>(executionIds))
                .query((rs, n) -> new AuditReport.ErrorGroup(rs.getString(1), rs.getString(2), rs.getLong(3), List.of()))
                .list();
        List<AuditReport.ErrorGroup> withExamples = new ArrayList<>();
        for (AuditReport.ErrorGroup group : groups) {
            List<Object> params = new ArrayList<>(executionIds);
            params.add(group.status());
            params.add(group.message());
            List<Long> lines = jdbc.sql("SELECT line_number FROM ringpool_row_outcome WHERE job_execution_id IN ("
                            + marks(executionIds) + ") AND status = ? AND message = ? ORDER BY line_number LIMIT "
                            + EXAMPLE_LINES)
                    .params(params)
                    .query(Long.class)
                    .list();
            withExamples.add(new AuditReport.ErrorGroup(group.status(), group.message(), group.count(), lines));
        }
        return withExamples;
    }

    List<AuditReport.FailedRow> failedRows(List<Long> executionIds) {
        if (executionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT job_execution_id, file_name, line_number, advertiser_id_from_network, "
                        + "advertiser_campaign_id_from_network, id_from_network, action, status, http_status, attempts, "
                        + "message FROM ringpool_row_outcome WHERE job_execution_id IN (" + marks(executionIds) + ") "
                        + "AND status IN ('INVALID', 'REJECTED', 'FAILED') ORDER BY job_execution_id, file_index, line_number")
                .params(new ArrayList<Object>(executionIds))
                .query((rs, n) -> new AuditReport.FailedRow(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getObject(9, Integer.class), rs.getInt(10), rs.getString(11)))
                .list();
    }

    /** Rows recorded per interval, the interval chosen so that the run fills about 60 of them. */
    List<AuditReport.ThroughputPoint> throughput(List<Long> executionIds) {
        if (executionIds.isEmpty()) {
            return List.of();
        }
        Timestamp[] range = jdbc.sql("SELECT MIN(recorded_at), MAX(recorded_at) FROM ringpool_row_outcome "
                        + "WHERE job_execution_id IN (" + marks(executionIds) + ")")
                .params(new ArrayList<Object>(executionIds))
                .query((rs, n) -> new Timestamp[] {rs.getTimestamp(1), rs.getTimestamp(2)})
                .single();
        if (range[0] == null) {
            return List.of();
        }
        long first = range[0].getTime();
        long span = Math.max(1, range[1].getTime() - first + 1);
        long bucketMillis = Math.max(1000, (span + THROUGHPUT_BUCKETS - 1) / THROUGHPUT_BUCKETS);
        int buckets = (int) Math.min(THROUGHPUT_BUCKETS, (span + bucketMillis - 1) / bucketMillis);
        long[] counts = new long[Math.max(1, buckets)];
        jdbc.sql("SELECT recorded_at FROM ringpool_row_outcome WHERE job_execution_id IN (" + marks(executionIds) + ")")
                .params(new ArrayList<Object>(executionIds))
                .query(rs -> {
                    int bucket = (int) Math.min(counts.length - 1, (rs.getTimestamp(1).getTime() - first) / bucketMillis);
                    counts[bucket]++;
                });
        List<AuditReport.ThroughputPoint> points = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            points.add(new AuditReport.ThroughputPoint(Instant.ofEpochMilli(first + i * bucketMillis), counts[i]));
        }
        return points;
    }

    private AuditReport.Execution complete(ExecutionRow row) {
        Map<String, String> parameters = new LinkedHashMap<>();
        jdbc.sql("SELECT parameter_name, parameter_value FROM batch_job_execution_params WHERE job_execution_id = ? "
                        + "ORDER BY parameter_name")
                .param(row.id())
                .query(rs -> {
                    parameters.put(rs.getString(1), rs.getString(2));
                });
        return new AuditReport.Execution(row.id(), row.instanceId(), row.jobName(), row.status(), row.exitCode(),
                row.start(), row.end(), parameters, countsByStatus(List.of(row.id())));
    }

    private static String marks(List<Long> ids) {
        return String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private record ExecutionRow(long id, long instanceId, String jobName, String status, String exitCode,
            Instant start, Instant end) {
    }
}
