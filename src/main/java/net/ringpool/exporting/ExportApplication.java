package net.ringpool.exporting;

import net.ringpool.db.JobDatabaseAutoConfiguration;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The Spring context of {@code export}: Boot's JDBC job repository and Flyway, and the export job. */
@SpringBootConfiguration
@JobDatabaseAutoConfiguration
@ImportAutoConfiguration({BatchAutoConfiguration.class, BatchJdbcAutoConfiguration.class})
@Import(ExportJobConfiguration.class)
class ExportApplication {
}
