package net.ringpool.exporting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;

/** Starts the export job through the JobOperator and sums up its execution. */
class ExportRunner {

    private final JobOperator jobOperator;
    private final Job exportJob;
    private final ExportOutcomeRepository outcomes;
    private final ExportSettings settings;
    private final ExportFile file;

    ExportRunner(JobOperator jobOperator, Job exportJob, ExportOutcomeRepository outcomes, ExportSettings settings,
            ExportFile file) {
        this.jobOperator = jobOperator;
        this.exportJob = exportJob;
        this.outcomes = outcomes;
        this.settings = settings;
        this.file = file;
    }

    ExportSummary run() throws Exception {
        // every export is a new snapshot, so a new job instance: the start time is identifying
        JobParameters parameters = new JobParametersBuilder()
                .addString("network.id", settings.client().networkId())
                .addString("output", file.target().toString())
                .addString("selection", settings.selection().describe())
                .addString("started.at", Instant.now().toString())
                .addString("columns", settings.mapping().theirHeaders().size() + " columns", false)
                .addString("include.secrets", String.valueOf(settings.includeSecrets()), false)
                .toJobParameters();
        JobExecution execution = jobOperator.start(exportJob, parameters);
        return summarise(execution);
    }

    private ExportSummary summarise(JobExecution execution) {
        long id = execution.getId();
        ExportOutcomeRepository.Counts counts = outcomes.counts(id);
        long pools = execution.getStepExecutions().stream()
                .filter(step -> step.getStepName().equals(ExportJobConfiguration.EXPORT_STEP))
                .mapToLong(StepExecution::getWriteCount)
                .sum();
        boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
        return new ExportSummary(id, completed, file.target(), counts.exported(), counts.failed(), pools,
                elapsed(execution), outcomes.failures(id, ExportSummary.LISTED_FAILURES),
                completed ? null : failure(execution.getAllFailureExceptions()));
    }

    private static Duration elapsed(JobExecution execution) {
        LocalDateTime start = execution.getStartTime();
        LocalDateTime end = execution.getEndTime();
        return start == null || end == null ? Duration.ZERO : Duration.between(start, end);
    }

    /** The one line that names why the job failed: our own reason where there is one, else the root cause. */
    static String failure(List<Throwable> exceptions) {
        for (Throwable exception : exceptions) {
            for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof ExportFailedException) {
                    return t.getMessage();
                }
            }
        }
        if (exceptions.isEmpty()) {
            return "the export job stopped";
        }
        Throwable root = exceptions.get(0);
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
