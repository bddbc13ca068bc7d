package net.ringpool.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;

import net.ringpool.cli.SpringLauncher;
import net.ringpool.report.ReportApplication;
import net.ringpool.support.TestDatabase;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The pool of a command that runs once, on PostgreSQL: it opens the connections it uses, not ten. */
class OneRunPoolTests {

    @Test
    void aOneRunContextHoldsOneConnectionWhereTheDefaultFillsTen() throws Exception {
        TestDatabase.postgres();
        DatabaseOptions options = new DatabaseOptions();
        options.url = TestDatabase.postgresUrl();
        options.user = TestDatabase.postgresUser();

        // first, so that the database is migrated: Flyway's migration takes a second connection while it runs
        assertThat(openAfterUse(options.springProperties())).isEqualTo(10);
        assertThat(openAfterUse(options.springPropertiesForOneRun(Map.of()))).isEqualTo(1);
    }

    /** Connections the pool holds once a query has run and the pool had time to reach its minimum. */
    private static int openAfterUse(Map<String, Object> properties) throws InterruptedException {
        try (ConfigurableApplicationContext context = SpringLauncher.start(ReportApplication.class,
                WebApplicationType.NONE, properties, ctx -> { }, false)) {
            context.getBean(JdbcTemplate.class).queryForObject("SELECT 1", Integer.class);
            HikariDataSource pool = context.getBean(HikariDataSource.class);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (pool.getHikariPoolMXBean().getTotalConnections() < pool.getMinimumIdle()
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            return pool.getHikariPoolMXBean().getTotalConnections();
        }
    }
}
