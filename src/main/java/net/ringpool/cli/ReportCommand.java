package net.ringpool.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;

import net.ringpool.db.DatabaseOptions;
import net.ringpool.report.AuditReport;
import net.ringpool.report.AuditService;
import net.ringpool.report.ReportApplication;
import net.ringpool.report.ReportFormat;
import net.ringpool.report.ReportWriter;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "The audit report of one job execution: summary (parameters, times, counts per status, rows/s),",
                "failures grouped by message with example lines, and every failed row. With --since, the digest",
                "of every execution in that window (the nightly digest: --since 24h).",
                "HTML is one self-contained file with inline charts, fit for printing."})
class ReportCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    DatabaseOptions database;

    @Parameters(arity = "0..1", paramLabel = "JOB_EXECUTION_ID", description = "The execution (see `jobs`).")
    Long jobExecutionId;

    @Option(names = "--since", paramLabel = "WINDOW", description = "Digest of the executions of the last WINDOW, e.g. 24h, 7d, 90m.")
    String since;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|csv|html", description = "Output format (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Override
    public Integer call() throws IOException {
        if ((jobExecutionId == null) == (since == null)) {
            throw new UsageException("give either a JOB_EXECUTION_ID or --since WINDOW");
        }
        Duration window = since == null ? null : window(since);
        try (ConfigurableApplicationContext context = SpringLauncher.start(ReportApplication.class,
                WebApplicationType.NONE, database.springPropertiesForOneRun(Invocation.current().environment()),
                ctx -> { }, common.debug())) {
            AuditService audit = context.getBean(AuditService.class);
            AuditReport report = window != null ? audit.digest(Instant.now().minus(window), since)
                    : audit.execution(jobExecutionId).orElseThrow(() -> new UsageException(
                            "no job execution " + jobExecutionId + " in the job database (see `jobs`)"));
            if (output == null) {
                ReportWriter.of(format).write(report, spec.commandLine().getOut());
            } else {
                Path temporary = Files.createTempFile(output.toAbsolutePath().getParent(), ".report-", ".tmp");
                try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(temporary, StandardCharsets.UTF_8))) {
                    ReportWriter.of(format).write(report, out);
                }
                Files.move(temporary, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                spec.commandLine().getErr().println("report written to " + output);
            }
        }
        return ExitCode.OK;
    }

    static Duration window(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        try {
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            return switch (value.charAt(value.length() - 1)) {
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new UsageException("--since takes a number and m, h or d, e.g. 24h");
            };
        } catch (NumberFormatException | StringIndexOutOfBoundsException | DateTimeParseException e) {
            throw new UsageException("--since takes a number and m, h or d, e.g. 24h");
        }
    }

    static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }

    static String duration(AuditReport.Execution execution) {
        long seconds = execution.duration().toSeconds();
        return seconds >= 60 ? String.format("%dm%02ds", seconds / 60, seconds % 60) : seconds + "s";
    }
}
