package net.ringpool.report;

import net.ringpool.db.JobDatabaseAutoConfiguration;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.ComponentScan;

/** The Spring context of {@code jobs} and {@code report}: the job database, nothing else. */
@SpringBootConfiguration
@JobDatabaseAutoConfiguration
@ComponentScan(basePackageClasses = ReportApplication.class)
public class ReportApplication {
}
