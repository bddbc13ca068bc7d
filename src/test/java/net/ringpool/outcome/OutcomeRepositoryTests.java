package net.ringpool.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import net.ringpool.db.DatabaseOptions;
import net.ringpool.support.TestDatabase;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Outcomes go to PostgreSQL as one statement of arrays a chunk and to H2 as a batch of rows: both must give
 * back what was recorded, cell for cell, whatever the cells hold. And both must refuse an outcome whose job
 * execution is not one of its job instance's.
 */
class OutcomeRepositoryTests {

    /** Cells that an array literal has to quote or escape, every nullable column empty, and cells too long. */
    private static final List<RowOutcome> AWKWARD = List.of(
            new RowOutcome(0, 2, "adv-1", "camp-1", "pool-1", "upsert", OutcomeStatus.CREATED, 201, 1, null),
            new RowOutcome(0, 3, "a,b", "{camp}", "\"quoted\"", "update", OutcomeStatus.REJECTED, 422, 1,
                    "name: can't be blank; back\\slash, {brace} and \"quote\""),
            new RowOutcome(0, 4, "NULL", "null", "", "delete", OutcomeStatus.FAILED, null, 5,
                    "line one\nline two\ttab, ünïcödé ☎"),
            new RowOutcome(1, 2, null, null, null, null, OutcomeStatus.INVALID, null, 0, "x".repeat(5000)),
            new RowOutcome(1, 3, "a".repeat(300), "c".repeat(256), "i".repeat(255), "u".repeat(17),
                    OutcomeStatus.INVALID, null, 0, "too long"),
            new RowOutcome(1, 4, " spaced ", "camp-2", "pool-2", "create", OutcomeStatus.UNCHANGED, null, 0, ""));

    @Test
    void postgresGivesBackEveryCellAsRecorded() {
        TestDatabase.postgres();
        assertRoundTrip(new DriverManagerDataSource(TestDatabase.postgresUrl(), TestDatabase.postgresUser(), ""));
    }

    @Test
    void h2GivesBackEveryCellAsRecorded(@TempDir Path directory) {
        assertRoundTrip(new DriverManagerDataSource(DatabaseOptions.embeddedUrl(directory), "sa", ""));
    }

    @Test
    void postgresRefusesAnOutcomeOfAnotherInstancesExecution() {
        TestDatabase.postgres();
        assertExecutionMustBeTheInstances(
                new DriverManagerDataSource(TestDatabase.postgresUrl(), TestDatabase.postgresUser(), ""));
    }

    @Test
    void h2RefusesAnOutcomeOfAnotherInstancesExecution(@TempDir Path directory) {
        assertExecutionMustBeTheInstances(
                new DriverManagerDataSource(DatabaseOptions.embeddedUrl(directory), "sa", ""));
    }

    private static void assertRoundTrip(DataSource dataSource) {
        JdbcTemplate jdbc = migrated(dataSource);
        long instance = newInstance(jdbc);
        long execution = newExecution(jdbc, instance);
        OutcomeRepository outcomes = new OutcomeRepository(jdbc, new DataSourceTransactionManager(dataSource));
        List<String> files = List.of("/in/first, \"file\".csv", "/in/{second}.csv");

        outcomes.record(instance, execution, files, AWKWARD.subList(0, 3));
        outcomes.record(instance, execution, files, AWKWARD.subList(3, AWKWARD.size()));
        outcomes.record(instance, execution, files, List.of());

        List<RowOutcome> read = new ArrayList<>();
        outcomes.forEachOfInstance(instance, read::add);
        List<RowOutcome> expected = new ArrayList<>(AWKWARD);
        expected.set(3, new RowOutcome(1, 2, null, null, null, null, OutcomeStatus.INVALID, null, 0,
                "x".repeat(OutcomeRepository.MAX_MESSAGE - 1) + "…"));
        expected.set(4, new RowOutcome(1, 3, "a".repeat(OutcomeRepository.MAX_ID - 1) + "…",
                "c".repeat(OutcomeRepository.MAX_ID - 1) + "…", "i".repeat(OutcomeRepository.MAX_ID),
                "u".repeat(OutcomeRepository.MAX_ACTION - 1) + "…",
                OutcomeStatus.INVALID, null, 0, "too long"));
        assertThat(read).containsExactlyElementsOf(expected);
        assertThat(jdbc.queryForList("SELECT file_name FROM ringpool_row_outcome WHERE job_instance_id = ? "
                + "ORDER BY file_index, line_number", String.class, instance))
                .containsExactly(files.get(0), files.get(0), files.get(0), files.get(1), files.get(1), files.get(1));
        assertThat(outcomes.countsOfExecution(execution)).isEqualTo(Map.of(OutcomeStatus.CREATED, 1L,
                OutcomeStatus.REJECTED, 1L, OutcomeStatus.FAILED, 1L, OutcomeStatus.INVALID, 2L,
                OutcomeStatus.UNCHANGED, 1L));
    }

    private static void assertExecutionMustBeTheInstances(DataSource dataSource) {
        JdbcTemplate jdbc = migrated(dataSource);
        long instance = newInstance(jdbc);
        long otherInstance = newInstance(jdbc);
        long execution = newExecution(jdbc, instance);
        OutcomeRepository outcomes = new OutcomeRepository(jdbc, new DataSourceTransactionManager(dataSource));
        List<String> files = List.of("/in/pools.csv");
        List<RowOutcome> one = AWKWARD.subList(0, 1);

        assertThatThrownBy(() -> outcomes.record(otherInstance, execution, files, one))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> outcomes.record(instance, execution + 1_000_000, files, one))
                .isInstanceOf(DataIntegrityViolationException.class);
        outcomes.record(instance, execution, files, one);
        assertThat(outcomes.countsOfInstance(instance)).isEqualTo(Map.of(OutcomeStatus.CREATED, 1L));
        assertThat(outcomes.countsOfInstance(otherInstance)).isEmpty();
    }

    private static JdbcTemplate migrated(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new JdbcTemplate(dataSource);
    }

    // ids from Spring Batch's own sequences, so that the jobs of later tests in this JVM do not collide with them
    private static long newInstance(JdbcTemplate jdbc) {
        long instance = jdbc.queryForObject("SELECT nextval('batch_job_instance_seq')", Long.class);
        jdbc.update("INSERT INTO batch_job_instance (job_instance_id, version, job_name, job_key) VALUES (?, 0, ?, ?)",
                instance, "outcome-test", Long.toHexString(System.nanoTime()));
        return instance;
    }

    private static long newExecution(JdbcTemplate jdbc, long instance) {
        long execution = jdbc.queryForObject("SELECT nextval('batch_job_execution_seq')", Long.class);
        jdbc.update("INSERT INTO batch_job_execution (job_execution_id, version, job_instance_id, create_time) "
                + "VALUES (?, 0, ?, CURRENT_TIMESTAMP)", execution, instance);
        return execution;
    }
}
