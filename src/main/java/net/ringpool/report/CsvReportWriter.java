package net.ringpool.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

import net.ringpool.pool.CsvLayout;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The report as CSV for spreadsheets: one section per table, each with its own header row, in the
 * order summary, outcome counts, failures by message, failed rows. Cells are formula-neutralised.
 */
final class CsvReportWriter implements ReportWriter {

    @Override
    public void write(AuditReport report, PrintWriter out) {
        try {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180);
            csv.printRecord("section", "job_execution_id", "job_instance_id", "job", "status", "exit_code",
                    "start", "end", "duration_seconds", "rows", "rows_per_second");
            for (AuditReport.Execution execution : report.executions()) {
                csv.printRecord("execution", execution.id(), execution.instanceId(), execution.jobName(),
                        execution.status(), execution.exitCode(), TextReportWriter.time(execution.start()),
                        TextReportWriter.time(execution.end()), execution.duration().toMillis() / 1000.0,
                        execution.rows(), String.format("%.1f", execution.rowsPerSecond()));
            }
            csv.println();
            csv.printRecord("section", "status", "rows");
            for (var count : report.countsByStatus().entrySet()) {
                csv.printRecord("outcome", count.getKey(), count.getValue());
            }
            csv.println();
            csv.printRecord("section", "status", "count", "message", "example_lines");
            for (AuditReport.ErrorGroup group : report.errorGroups()) {
                csv.printRecord("failure", group.status(), group.count(), CsvLayout.neutralise(group.message()),
                        group.exampleLines().toString());
            }
            csv.println();
            csv.printRecord("section", "job_execution_id", "file", "line", "advertiser_id_from_network",
                    "advertiser_campaign_id_from_network", "id_from_network", "action", "status", "http_status",
                    "attempts", "message");
            for (AuditReport.FailedRow row : report.failedRows()) {
                csv.printRecord("failed_row", row.jobExecutionId(), CsvLayout.neutralise(row.file()), row.lineNumber(),
                        CsvLayout.neutralise(row.advertiserId()), CsvLayout.neutralise(row.campaignId()),
                        CsvLayout.neutralise(row.idFromNetwork()), row.action(), row.status(), row.httpStatus(),
                        row.attempts(), CsvLayout.neutralise(row.message()));
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
