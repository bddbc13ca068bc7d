package net.ringpool.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The report as one self-contained HTML file: no scripts or styles fetched from anywhere, charts drawn
 * as inline SVG, their data also embedded as JSON, and a print style sheet.
 */
final class HtmlReportWriter implements ReportWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> COLOURS = Map.of("CREATED", "#2e7d32", "UPDATED", "#1565c0",
            "UNCHANGED", "#78909c", "DELETED", "#6a1b9a", "INVALID", "#ef6c00", "REJECTED", "#c62828",
            "FAILED", "#8e0000");
    private static final int TOP_ERRORS = 10;

    @Override
    public void write(AuditReport report, PrintWriter out) {
        out.println("<!DOCTYPE html>");
        out.println("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        out.println("<title>" + escape(report.title()) + "</title>");
        out.println("<style>" + STYLE + "</style></head><body>");
        out.println("<h1>" + escape(report.title()) + "</h1>");
        out.println("<p class=\"meta\">generated " + TextReportWriter.time(report.generatedAt()) + " &middot; "
                + report.totalRows() + " rows &middot; " + report.executions().size() + " execution(s)</p>");
        executions(report, out);
        out.println("<section class=\"charts\">");
        out.println("<figure><figcaption>Outcomes by status</figcaption>" + statusChart(report) + "</figure>");
        out.println("<figure><figcaption>Throughput over the run (rows per interval)</figcaption>"
                + throughputChart(report) + "</figure>");
        out.println("<figure><figcaption>Top errors</figcaption>" + errorChart(report) + "</figure>");
        out.println("</section>");
        errorGroups(report, out);
        failedRows(report, out);
        out.println("<script type=\"application/json\" id=\"chart-data\">"
                + JSON.writeValueAsString(chartData(report)).replace("</", "<\\/") + "</script>");
        out.println("</body></html>");
        out.flush();
    }

    private static void executions(AuditReport report, PrintWriter out) {
        out.println("<h2>Summary</h2><table><thead><tr><th>execution</th><th>job</th><th>status</th><th>exit</th>"
                + "<th>start</th><th>end</th><th>duration</th><th>rows</th><th>rows/s</th><th>parameters</th></tr></thead><tbody>");
        for (AuditReport.Execution e : report.executions()) {
            StringBuilder parameters = new StringBuilder();
            e.parameters().forEach((name, value) -> parameters.append(escape(name)).append(" = ")
                    .append(escape(value)).append("<br>"));
            out.println("<tr><td>" + e.id() + "</td><td>" + escape(e.jobName()) + "</td><td>" + escape(e.status())
                    + "</td><td>" + escape(e.exitCode()) + "</td><td>" + TextReportWriter.time(e.start()) + "</td><td>"
                    + TextReportWriter.time(e.end()) + "</td><td>" + TextReportWriter.duration(e.duration())
                    + "</td><td class=\"num\">" + e.rows() + "</td><td class=\"num\">"
                    + String.format("%.1f", e.rowsPerSecond()) + "</td><td class=\"params\">" + parameters + "</td></tr>");
        }
        out.println("</tbody></table>");
        out.println("<h2>Outcomes</h2><table class=\"counts\"><tbody>");
        report.countsByStatus().forEach((status, count) -> out.println("<tr><th>" + escape(status)
                + "</th><td class=\"num\">" + count + "</td></tr>"));
        out.println("<tr><th>total</th><td class=\"num\">" + report.totalRows() + "</td></tr></tbody></table>");
    }

    private static void errorGroups(AuditReport report, PrintWriter out) {
        out.println("<h2>Failures by message</h2>");
        if (report.errorGroups().isEmpty()) {
            out.println("<p>No row failed.</p>");
            return;
        }
        out.println("<table><thead><tr><th>count</th><th>status</th><th>message</th><th>example lines</th></tr></thead><tbody>");
        for (AuditReport.ErrorGroup group : report.errorGroups()) {
            out.println("<tr><td class=\"num\">" + group.count() + "</td><td>" + escape(group.status()) + "</td><td>"
                    + escape(group.message()) + "</td><td>" + escape(group.exampleLines().toString()) + "</td></tr>");
        }
        out.println("</tbody></table>");
    }

    private static void failedRows(AuditReport report, PrintWriter out) {
        out.println("<h2>Failed rows (" + report.failedRows().size() + ")</h2>");
        if (report.failedRows().isEmpty()) {
            return;
        }
        out.println("<table class=\"rows\"><thead><tr><th>execution</th><th>file</th><th>line</th><th>advertiser</th>"
                + "<th>campaign</th><th>id_from_network</th><th>action</th><th>status</th><th>HTTP</th><th>attempts</th>"
                + "<th>message</th></tr></thead><tbody>");
        for (AuditReport.FailedRow row : report.failedRows()) {
            out.println("<tr class=\"failed-row\"><td>" + row.jobExecutionId() + "</td><td>" + escape(row.file())
                    + "</td><td class=\"num\">" + row.lineNumber() + "</td><td>" + escape(row.advertiserId())
                    + "</td><td>" + escape(row.campaignId()) + "</td><td>" + escape(row.idFromNetwork()) + "</td><td>"
                    + escape(row.action()) + "</td><td>" + escape(row.status()) + "</td><td>"
                    + (row.httpStatus() == null ? "" : row.httpStatus()) + "</td><td class=\"num\">" + row.attempts()
                    + "</td><td>" + escape(row.message()) + "</td></tr>");
        }
        out.println("</tbody></table>");
    }

    private static String statusChart(AuditReport report) {
        List<Bar> bars = new ArrayList<>();
        report.countsByStatus().forEach((status, count) -> bars.add(new Bar(status, count,
                COLOURS.getOrDefault(status, "#455a64"))));
        return barChart("status-chart", bars);
    }

    private static String errorChart(AuditReport report) {
        List<Bar> bars = report.errorGroups().stream().limit(TOP_ERRORS)
                .map(g -> new Bar(g.status() + ": " + shorten(g.message(), 38), g.count(),
                        COLOURS.getOrDefault(g.status(), "#c62828")))
                .toList();
        if (bars.isEmpty()) {
            return "<p>No errors.</p>";
        }
        return barChart("error-chart", bars);
    }

    private static String barChart(String id, List<Bar> bars) {
        int labelWidth = 330;
        int barWidth = 360;
        int rowHeight = 24;
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        int height = Math.max(rowHeight, bars.size() * rowHeight) + 4;
        StringBuilder svg = new StringBuilder("<svg id=\"" + id + "\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"" + (labelWidth + barWidth + 80) + "\" height=\"" + height + "\">");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = i * rowHeight + 2;
            long width = Math.max(bar.value() > 0 ? 2 : 0, bar.value() * barWidth / max);
            svg.append("<text x=\"").append(labelWidth - 6).append("\" y=\"").append(y + 16)
                    .append("\" text-anchor=\"end\">").append(escape(bar.label())).append("</text>")
                    .append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y).append("\" width=\"")
                    .append(width).append("\" height=\"").append(rowHeight - 6).append("\" fill=\"").append(bar.colour())
                    .append("\"><title>").append(escape(bar.label())).append(": ").append(bar.value())
                    .append("</title></rect>")
                    .append("<text x=\"").append(labelWidth + width + 6).append("\" y=\"").append(y + 16).append("\">")
                    .append(bar.value()).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static String throughputChart(AuditReport report) {
        List<AuditReport.ThroughputPoint> points = report.throughput();
        if (points.isEmpty()) {
            return "<p>No rows recorded.</p>";
        }
        int width = 760;
        int height = 200;
        int left = 50;
        int bottom = 24;
        long max = Math.max(1, points.stream().mapToLong(AuditReport.ThroughputPoint::rows).max().orElse(1));
        double slot = (double) (width - left - 10) / points.size();
        StringBuilder bars = new StringBuilder();
        for (AuditReport.ThroughputPoint point : points) {
            double barHeight = (double) point.rows() * (height - bottom - 10) / max;
            int index = points.indexOf(point);
            bars.append(String.format("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#1565c0\">"
                    + "<title>%s: %d rows</title></rect>", left + index * slot + 1, (height - bottom) - barHeight,
                    Math.max(1, slot - 2), barHeight, TextReportWriter.time(point.start()), point.rows()));
        }
        return "<svg id=\"throughput-chart\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width
                + "\" height=\"" + height + "\">" + bars
                + "<line x1=\"" + left + "\" y1=\"" + (height - bottom) + "\" x2=\"" + width + "\" y2=\""
                + (height - bottom) + "\" stroke=\"#999\"/>"
                + "<line x1=\"" + left + "\" y1=\"10\" x2=\"" + left + "\" y2=\"" + (height - bottom) + "\" stroke=\"#999\"/>"
                + "<text x=\"" + (left - 4) + "\" y=\"16\" text-anchor=\"end\">" + max + "</text>"
                + "<text x=\"" + (left - 4) + "\" y=\"" + (height - bottom) + "\" text-anchor=\"end\">0</text>"
                + "<text x=\"" + left + "\" y=\"" + (height - 6) + "\">" + TextReportWriter.time(points.get(0).start())
                + "</text><text x=\"" + width + "\" y=\"" + (height - 6) + "\" text-anchor=\"end\">"
                + TextReportWriter.time(points.get(points.size() - 1).start()) + "</text></svg>";
    }

    private static Map<String, Object> chartData(AuditReport report) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("outcomesByStatus", report.countsByStatus());
        data.put("throughput", report.throughput().stream()
                .map(p -> Map.of("start", p.start().toString(), "rows", p.rows())).toList());
        data.put("topErrors", report.errorGroups().stream().limit(TOP_ERRORS)
                .map(g -> Map.of("status", g.status(), "message", g.message(), "count", g.count())).toList());
        return data;
    }

    private static String shorten(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private record Bar(String label, long value, String colour) {
    }

    private static final String STYLE = """
            body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}
            h1{font-size:1.5em;margin-bottom:0}.meta{color:#666;margin-top:.2em}
            table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}
            thead th{background:#f0f0f0}.num{text-align:right}.params{font-size:12px;color:#555;word-break:break-all;max-width:28em}
            .charts{display:flex;flex-wrap:wrap;gap:1em}figure{margin:0;border:1px solid #ddd;padding:.5em}
            figcaption{font-weight:600;margin-bottom:.3em}svg text{font-size:12px;fill:#333}
            @media print{body{margin:0;font-size:11px}.charts{display:block}figure{break-inside:avoid;margin-bottom:1em}
            tr{break-inside:avoid}thead{display:table-header-group}}
            """;
}
