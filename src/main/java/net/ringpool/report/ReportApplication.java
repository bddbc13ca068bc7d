package net.ringpool.report;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/** The Spring context of {@code jobs} and {@code report}: the job database, nothing else. */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackageClasses = ReportApplication.class)
public class ReportApplication {
}
