package net.ringpool.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import net.ringpool.cli.ExitCode;
import net.ringpool.outcome.OutcomeRepository;
import net.ringpool.outcome.OutcomeStatus;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/** Runs (or resumes) the import, writes the outcome files and sums it up. */
class ImportRun {

    private final ImportLauncher launcher;
    private final OutcomeRepository outcomes;
    private final OutcomeFiles outcomeFiles;
    private final ImportSettings settings;

    ImportRun(ImportLauncher launcher, OutcomeRepository outcomes, OutcomeFiles outcomeFiles,
            ImportSettings settings) {
        this.launcher = launcher;
        this.outcomes = outcomes;
        this.outcomeFiles = outcomeFiles;
        this.settings = settings;
    }

    ImportReport run(ImportIdentity identity) throws Exception {
        long started = System.nanoTime();
        JobExecution execution = launcher.launch(identity);
        double seconds = execution.getStartTime() != null && execution.getEndTime() != null
                ? Duration.between(execution.getStartTime(), execution.getEndTime()).toMillis() / 1e3
                : (System.nanoTime() - started) / 1e9;
        long instanceId = execution.getJobInstance().getInstanceId();
        Map<OutcomeStatus, Long> counts = outcomes.countsOfInstance(instanceId);
        long rowsThisExecution = outcomes.countsOfExecution(execution.getId()).values().stream()
                .mapToLong(Long::longValue).sum();
        String failure = failure(execution);
        if (failure != null && settings.partitioning().partitioned()) {
            failure = partitionFailure(launcher.reload(execution), failure);
        }

        Path directory = settings.out() != null ? settings.out() : Path.of("out", String.valueOf(execution.getId()));
        OutcomeFiles.Written written = null;
        try {
            written = outcomeFiles.write(instanceId, directory);
        } catch (IOException e) {
            String cannotWrite = "cannot write the outcome files to " + directory + ": " + e.getMessage();
            failure = failure == null ? cannotWrite : failure + "; " + cannotWrite;
        }

        int exitCode;
        // a completed run stays completed when only its files failed: the outcomes are in the database
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            exitCode = ExitCode.FAILED;
        } else {
            exitCode = counts.keySet().stream().anyMatch(OutcomeStatus::isProblem) ? ExitCode.ROWS_FAILED : ExitCode.OK;
        }
        List<String> summary = summary(execution, counts, rowsThisExecution, seconds, written);
        return new ImportReport(exitCode, execution.getId(), instanceId, execution.getStatus().name(), counts,
                rowsThisExecution, seconds, written == null ? null : directory.resolve(OutcomeFiles.OUTCOMES),
                written == null ? null : directory.resolve(OutcomeFiles.ERRORS), failure, summary);
    }

    private List<String> summary(JobExecution execution, Map<OutcomeStatus, Long> counts, long rowsThisExecution,
            double seconds, OutcomeFiles.Written written) {
        List<String> lines = new ArrayList<>();
        long rows = counts.values().stream().mapToLong(Long::longValue).sum();
        lines.add(String.format(Locale.ROOT, "import %s%s: job execution %d, run %d of %s", execution.getStatus(),
                settings.dryRun() ? " (dry run: nothing sent)" : "", execution.getId(),
                execution.getJobParameters().getLong(ImportIdentity.RUN),
                settings.files().size() == 1 ? settings.files().get(0) : settings.files().size() + " files"));
        String byStatus = counts.isEmpty() ? "none" : counts.entrySet().stream()
                .map(entry -> String.format(Locale.ROOT, "%,d %s", entry.getValue(), entry.getKey()))
                .collect(Collectors.joining(", "));
        lines.add(String.format(Locale.ROOT, "  rows:     %,d (%s)", rows, byStatus));
        lines.add(String.format(Locale.ROOT, "  this execution: %,d rows in %s, %.0f rows/s%s", rowsThisExecution,
                ProgressListener.duration(seconds), rowsThisExecution / Math.max(seconds, 1e-3),
                rows > rowsThisExecution ? String.format(Locale.ROOT, " (earlier executions of this run recorded %,d)",
                        rows - rowsThisExecution) : ""));
        if (written != null) {
            lines.add(String.format(Locale.ROOT, "  outcomes: %s (%,d rows)",
                    written.directory().resolve(OutcomeFiles.OUTCOMES), written.outcomes()));
            lines.add(String.format(Locale.ROOT, "  errors:   %s (%,d rows)",
                    written.directory().resolve(OutcomeFiles.ERRORS), written.errors()));
        }
        return lines;
    }

    /**
     * A partition's failure is recorded by whichever process ran it, as the exit description of its step
     * execution; the manager only sees that a partition failed.
     */
    static String partitionFailure(JobExecution execution, String failure) {
        List<String> reasons = new ArrayList<>();
        long failed = 0;
        for (StepExecution step : execution.getStepExecutions()) {
            if (!step.getStepName().contains(":") || step.getStatus() == BatchStatus.COMPLETED) {
                continue;
            }
            failed++;
            String description = step.getExitStatus().getExitDescription();
            String reason = description == null || description.isBlank() ? step.getStatus().name()
                    : description.lines().findFirst().orElse("").replaceFirst("^[\\w.$]+(Exception|Error): ", "");
            if (reasons.size() < 3 && !reasons.contains(reason)) {
                reasons.add(reason);
            }
        }
        if (failed == 0) {
            return failure;
        }
        return failed + " partition" + (failed > 1 ? "s" : "") + " did not complete: "
                + String.join("; ", reasons) + "; run the same command again to resume them";
    }

    /** The driver's words alone ("Connection is closed") do not say that it was the database that went away. */
    private static boolean involvesDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException || cause instanceof DataAccessException
                    || cause instanceof TransactionException) {
                return true;
            }
        }
        return false;
    }

    /** Why the execution did not complete, in one line; null when it completed. */
    static String failure(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return null;
        }
        String resume = "; run the same command again to resume";
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus() == BatchStatus.STOPPED && step.getExecutionContext().containsKey(RingPoolWriter.STOP_KEY)) {
                return "stopped: " + step.getExecutionContext().getString(RingPoolWriter.STOP_KEY)
                        + "; fix the input or raise --skip-limit, then run the same command again to resume";
            }
        }
        List<Throwable> failures = execution.getAllFailureExceptions();
        for (Throwable failure : failures) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof ImportStoppedException stopped) {
                    return "stopped: " + stopped.getMessage() + resume;
                }
            }
        }
        if (!failures.isEmpty()) {
            Throwable root = failures.get(0);
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
            String what = involvesDatabase(failures.get(0)) ? "the job database failed: " : "the import failed: ";
            return what + message.replaceAll("\\s+", " ") + resume;
        }
        return "the import ended " + execution.getStatus() + resume;
    }
}
