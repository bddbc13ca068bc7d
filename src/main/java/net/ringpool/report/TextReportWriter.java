package net.ringpool.report;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The report as plain text for a terminal or an e-mail. */
final class TextReportWriter implements ReportWriter {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    @Override
    public void write(AuditReport report, PrintWriter out) {
        out.println(report.title());
        out.println("=".repeat(report.title().length()));
        out.println("generated " + TIME.format(report.generatedAt()));
        out.println();
        for (AuditReport.Execution execution : report.executions()) {
            out.printf("execution %d (%s, instance %d): %s, exit %s%n", execution.id(), execution.jobName(),
                    execution.instanceId(), execution.status(), execution.exitCode());
            out.printf("  started %s, ended %s, took %s, %d rows, %.1f rows/s%n", time(execution.start()),
                    time(execution.end()), duration(execution.duration()), execution.rows(), execution.rowsPerSecond());
            execution.parameters().forEach((name, value) -> out.printf("  %s = %s%n", name, value));
        }
        out.println();
        out.println("Outcomes");
        for (Map.Entry<String, Long> count : report.countsByStatus().entrySet()) {
            out.printf("  %-10s %8d%n", count.getKey(), count.getValue());
        }
        out.printf("  %-10s %8d%n", "total", report.totalRows());
        if (!report.errorGroups().isEmpty()) {
            out.println();
            out.println("Failures by message");
            for (AuditReport.ErrorGroup group : report.errorGroups()) {
                out.printf("  %6d  %-8s %s (e.g. lines %s)%n", group.count(), group.status(), group.message(),
                        group.exampleLines());
            }
        }
        if (!report.failedRows().isEmpty()) {
            out.println();
            out.println("Failed rows");
            for (AuditReport.FailedRow row : report.failedRows()) {
                out.printf("  exec %d %s line %d  %s/%s/%s  %s %s  HTTP %s, %d attempts: %s%n", row.jobExecutionId(),
                        row.file() == null ? "" : row.file(), row.lineNumber(), row.advertiserId(), row.campaignId(),
                        row.idFromNetwork(), row.action(), row.status(),
                        row.httpStatus() == null ? "-" : row.httpStatus(), row.attempts(), row.message());
            }
        }
        out.flush();
    }

    static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }

    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 3600 ? String.format("%dh%02dm%02ds", seconds / 3600, seconds % 3600 / 60, seconds % 60)
                : seconds >= 60 ? String.format("%dm%02ds", seconds / 60, seconds % 60)
                : String.format("%.1fs", duration.toMillis() / 1000.0);
    }
}
