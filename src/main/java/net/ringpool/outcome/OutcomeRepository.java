package net.ringpool.outcome;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Table {@code ringpool_row_outcome}. {@link #record} joins the caller's transaction, so that a chunk's
 * outcomes commit or roll back with the chunk's progress.
 */
@Repository
public class OutcomeRepository {

    static final int MAX_ID = 255;
    static final int MAX_MESSAGE = 4000;
    static final int MAX_FILE_NAME = 1024;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    public OutcomeRepository(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Inserts the outcomes of one chunk in one batch.
     *
     * @param fileNames the files of the import, indexed by {@link RowOutcome#fileIndex()}
     */
    public void record(long jobInstanceId, long jobExecutionId, List<String> fileNames, List<RowOutcome> outcomes) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate("INSERT INTO ringpool_row_outcome (job_instance_id, job_execution_id, file_index, file_name, "
                        + "line_number, advertiser_id_from_network, advertiser_campaign_id_from_network, "
                        + "id_from_network, action, status, http_status, attempts, message, recorded_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                outcomes, outcomes.size(), (statement, outcome) -> {
                    statement.setLong(1, jobInstanceId);
                    statement.setLong(2, jobExecutionId);
                    statement.setInt(3, outcome.fileIndex());
                    statement.setString(4, cut(fileNames.get(outcome.fileIndex()), MAX_FILE_NAME));
                    statement.setLong(5, outcome.line());
                    statement.setString(6, cut(outcome.advertiserId(), MAX_ID));
                    statement.setString(7, cut(outcome.campaignId(), MAX_ID));
                    statement.setString(8, cut(outcome.idFromNetwork(), MAX_ID));
                    statement.setString(9, cut(outcome.action(), 16));
                    statement.setString(10, outcome.status().name());
                    statement.setObject(11, outcome.httpStatus(), java.sql.Types.INTEGER);
                    statement.setInt(12, outcome.attempts());
                    statement.setString(13, cut(outcome.message(), MAX_MESSAGE));
                    statement.setTimestamp(14, now);
                });
    }

    /** Outcome counts of a whole job instance: every execution of one run of the files. */
    public Map<OutcomeStatus, Long> countsOfInstance(long jobInstanceId) {
        return counts("job_instance_id", jobInstanceId);
    }

    /** Outcome counts of the lines one execution recorded. */
    public Map<OutcomeStatus, Long> countsOfExecution(long jobExecutionId) {
        return counts("job_execution_id", jobExecutionId);
    }

    /** Streams the outcomes of a job instance in input order: file, then line. */
    public void forEachOfInstance(long jobInstanceId, Consumer<RowOutcome> consumer) {
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        // PostgreSQL streams rows with a fetch size only inside a transaction
        streaming.setFetchSize(1000);
        String sql = "SELECT file_index, line_number, advertiser_id_from_network, advertiser_campaign_id_from_network, "
                + "id_from_network, action, status, http_status, attempts, message FROM ringpool_row_outcome "
                + "WHERE job_instance_id = ? ORDER BY file_index, line_number";
        readOnly.executeWithoutResult(status -> streaming.query(sql, rs -> {
            consumer.accept(map(rs));
        }, jobInstanceId));
    }

    private Map<OutcomeStatus, Long> counts(String column, long id) {
        Map<OutcomeStatus, Long> counts = new EnumMap<>(OutcomeStatus.class);
        jdbc.query("SELECT status, COUNT(*) FROM ringpool_row_outcome WHERE " + column + " = ? GROUP BY status",
                rs -> {
                    counts.put(OutcomeStatus.valueOf(rs.getString(1)), rs.getLong(2));
                }, id);
        return counts;
    }

    private static RowOutcome map(ResultSet rs) throws SQLException {
        return new RowOutcome(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), OutcomeStatus.valueOf(rs.getString(7)), (Integer) rs.getObject(8, Integer.class),
                rs.getInt(9), rs.getString(10));
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
