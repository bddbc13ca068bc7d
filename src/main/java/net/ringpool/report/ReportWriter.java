package net.ringpool.report;

import java.io.PrintWriter;

/** Renders an {@link AuditReport} in one format. */
public interface ReportWriter {

    void write(AuditReport report, PrintWriter out);

    static ReportWriter of(ReportFormat format) {
        return switch (format) {
            case TEXT -> new TextReportWriter();
            case CSV -> new CsvReportWriter();
            case HTML -> new HtmlReportWriter();
        };
    }
}
