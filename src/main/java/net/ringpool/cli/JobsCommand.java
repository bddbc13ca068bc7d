package net.ringpool.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import net.ringpool.db.DatabaseOptions;
import net.ringpool.report.AuditReport;
import net.ringpool.report.AuditService;
import net.ringpool.report.ReportApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "jobs", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Lists past job executions from the job database, newest first: id, job, status, start, "
                + "duration, rows and rows per outcome status.")
class JobsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--limit", defaultValue = "20", description = "How many executions (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--status", paramLabel = "STATUS",
            description = "Only executions with this batch status: COMPLETED, FAILED, STOPPED, STARTED, ABANDONED.")
    String status;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new UsageException("--limit must be at least 1");
        }
        String wanted = status == null ? null : status.toUpperCase(Locale.ROOT);
        try (ConfigurableApplicationContext context = SpringLauncher.start(ReportApplication.class,
                WebApplicationType.NONE, database.springPropertiesForOneRun(Invocation.current().environment()),
                ctx -> { }, common.debug())) {
            List<AuditReport.Execution> executions = context.getBean(AuditService.class).executions(limit, wanted);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-6s %-8s %-10s %-20s %-10s %8s %8s %8s %8s %8s %8s %8s %8s  %s%n", "id", "job", "status",
                    "start (UTC)", "duration", "rows", "created", "updated", "unchgd", "deleted", "invalid",
                    "rejectd", "failed", "file");
            for (AuditReport.Execution e : executions) {
                out.printf("%-6d %-8s %-10s %-20s %-10s %8d %8d %8d %8d %8d %8d %8d %8d  %s%n", e.id(),
                        e.jobName(), e.status(), ReportCommand.time(e.start()), ReportCommand.duration(e), e.rows(),
                        e.countsByStatus().get("CREATED"), e.countsByStatus().get("UPDATED"),
                        e.countsByStatus().get("UNCHANGED"), e.countsByStatus().get("DELETED"),
                        e.countsByStatus().get("INVALID"), e.countsByStatus().get("REJECTED"),
                        e.countsByStatus().get("FAILED"), file(e));
            }
            if (executions.isEmpty()) {
                out.println("(no executions" + (wanted == null ? "" : " with status " + wanted) + ")");
            }
            out.flush();
        }
        return ExitCode.OK;
    }

    private static String file(AuditReport.Execution execution) {
        return execution.parameters().entrySet().stream()
                .filter(p -> p.getKey().startsWith("file") || p.getKey().equals("output"))
                .map(p -> p.getValue())
                .findFirst()
                .orElse("");
    }
}
