package net.ringpool.outcome;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.ConnectionCallback;
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
    static final int MAX_ACTION = 16;

    private static final String COLUMNS = "job_instance_id, job_execution_id, file_index, file_name, line_number, "
            + "advertiser_id_from_network, advertiser_campaign_id_from_network, id_from_network, action, status, "
            + "http_status, attempts, message, recorded_at";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private volatile Boolean postgres;

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
        if (outcomes.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        if (postgres()) {
            recordAsArrays(jobInstanceId, jobExecutionId, fileNames, outcomes, now);
            return;
        }
        String[] names = storedFileNames(fileNames);
        jdbc.batchUpdate("INSERT INTO ringpool_row_outcome (" + COLUMNS + ") "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                outcomes, outcomes.size(), (statement, given) -> {
                    RowOutcome outcome = asStored(given);
                    statement.setLong(1, jobInstanceId);
                    statement.setLong(2, jobExecutionId);
                    statement.setInt(3, outcome.fileIndex());
                    statement.setString(4, names[outcome.fileIndex()]);
                    statement.setLong(5, outcome.line());
                    statement.setString(6, outcome.advertiserId());
                    statement.setString(7, outcome.campaignId());
                    statement.setString(8, outcome.idFromNetwork());
                    statement.setString(9, outcome.action());
                    statement.setString(10, outcome.status().name());
                    statement.setObject(11, outcome.httpStatus(), java.sql.Types.INTEGER);
                    statement.setInt(12, outcome.attempts());
                    statement.setString(13, outcome.message());
                    statement.setTimestamp(14, now);
                });
    }

    /**
     * PostgreSQL: the chunk as one statement whose columns are arrays, unnested on the server, instead of
     * multi-row VALUES of 14 parameters a row that the server parses and plans. In a profile of an
     * {@code --only-changed} run of 20,000 rows the wait for the server went from 785 to 334 ms (bench/README.md).
     */
    private void recordAsArrays(long jobInstanceId, long jobExecutionId, List<String> fileNames,
            List<RowOutcome> outcomes, Timestamp now) {
        int size = outcomes.size();
        Integer[] fileIndexes = new Integer[size];
        Long[] lines = new Long[size];
        String[] advertisers = new String[size];
        String[] campaigns = new String[size];
        String[] ids = new String[size];
        String[] actions = new String[size];
        String[] statuses = new String[size];
        Integer[] httpStatuses = new Integer[size];
        Integer[] attempts = new Integer[size];
        String[] messages = new String[size];
        for (int i = 0; i < size; i++) {
            RowOutcome outcome = asStored(outcomes.get(i));
            fileIndexes[i] = outcome.fileIndex();
            lines[i] = outcome.line();
            advertisers[i] = outcome.advertiserId();
            campaigns[i] = outcome.campaignId();
            ids[i] = outcome.idFromNetwork();
            actions[i] = outcome.action();
            statuses[i] = outcome.status().name();
            httpStatuses[i] = outcome.httpStatus();
            attempts[i] = outcome.attempts();
            messages[i] = outcome.message();
        }
        String[] names = storedFileNames(fileNames);
        jdbc.update("INSERT INTO ringpool_row_outcome (" + COLUMNS + ") "
                + "SELECT ?, ?, u.file_index, (?::varchar[])[u.file_index + 1], u.line_number, u.advertiser, "
                + "u.campaign, u.id, u.action, u.status, u.http_status, u.attempts, u.message, ? "
                + "FROM unnest(?::int[], ?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], "
                + "?::varchar[], ?::int[], ?::int[], ?::varchar[]) "
                + "AS u(file_index, line_number, advertiser, campaign, id, action, status, http_status, attempts, "
                + "message)",
                statement -> {
                    Connection connection = statement.getConnection();
                    statement.setLong(1, jobInstanceId);
                    statement.setLong(2, jobExecutionId);
                    statement.setArray(3, connection.createArrayOf("varchar", names));
                    statement.setTimestamp(4, now);
                    statement.setArray(5, connection.createArrayOf("int4", fileIndexes));
                    statement.setArray(6, connection.createArrayOf("int8", lines));
                    statement.setArray(7, connection.createArrayOf("varchar", advertisers));
                    statement.setArray(8, connection.createArrayOf("varchar", campaigns));
                    statement.setArray(9, connection.createArrayOf("varchar", ids));
                    statement.setArray(10, connection.createArrayOf("varchar", actions));
                    statement.setArray(11, connection.createArrayOf("varchar", statuses));
                    statement.setArray(12, connection.createArrayOf("int4", httpStatuses));
                    statement.setArray(13, connection.createArrayOf("int4", attempts));
                    statement.setArray(14, connection.createArrayOf("varchar", messages));
                });
    }

    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = jdbc.execute((ConnectionCallback<Boolean>) connection ->
                    connection.getMetaData().getURL().startsWith("jdbc:postgresql:"));
            postgres = known;
        }
        return known;
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

    /** The outcome with each text cut to its column's width (the last kept character becomes an ellipsis). */
    private static RowOutcome asStored(RowOutcome outcome) {
        return new RowOutcome(outcome.fileIndex(), outcome.line(), cut(outcome.advertiserId(), MAX_ID),
                cut(outcome.campaignId(), MAX_ID), cut(outcome.idFromNetwork(), MAX_ID),
                cut(outcome.action(), MAX_ACTION), outcome.status(), outcome.httpStatus(), outcome.attempts(),
                cut(outcome.message(), MAX_MESSAGE));
    }

    private static String[] storedFileNames(List<String> fileNames) {
        return fileNames.stream().map(name -> cut(name, MAX_FILE_NAME)).toArray(String[]::new);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
