package net.ringpool.support;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Reads the import's outcome table and job repository of the PostgreSQL test database. */
public final class Outcomes {

    private final JdbcTemplate jdbc;

    public Outcomes() {
        TestDatabase.postgres();
        this.jdbc = new JdbcTemplate(new DriverManagerDataSource(TestDatabase.postgresUrl(), TestDatabase.postgresUser(), ""));
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public long instanceOf(long jobExecutionId) {
        return jdbc.queryForObject("SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?",
                Long.class, jobExecutionId);
    }

    /** line → status, of every outcome of the execution's job instance (file 0). */
    public Map<Long, String> statusByLine(long jobExecutionId) {
        Map<Long, String> byLine = new java.util.TreeMap<>();
        jdbc.query("SELECT line_number, status FROM ringpool_row_outcome WHERE job_instance_id = ? AND file_index = 0",
                rs -> {
                    byLine.put(rs.getLong(1), rs.getString(2));
                }, instanceOf(jobExecutionId));
        return byLine;
    }

    /** Every outcome row of the execution's job instance, as column maps, in file and line order. */
    public List<Map<String, Object>> ofInstance(long jobExecutionId) {
        return jdbc.queryForList("SELECT * FROM ringpool_row_outcome WHERE job_instance_id = ? "
                + "ORDER BY file_index, line_number", instanceOf(jobExecutionId));
    }

    public Map<String, Object> atLine(long jobExecutionId, long line) {
        return jdbc.queryForMap("SELECT * FROM ringpool_row_outcome WHERE job_instance_id = ? AND file_index = 0 "
                + "AND line_number = ?", instanceOf(jobExecutionId), line);
    }
}
