package net.ringpool.exporting;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The Spring context of {@code export}: Boot's JDBC job repository and Flyway, and the export job. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ExportJobConfiguration.class)
class ExportApplication {
}
