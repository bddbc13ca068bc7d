package net.ringpool.exporting;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Ends an export: a job that did not complete leaves no file behind, and a completed one whose
 * campaigns were not all read says so in its exit status, for {@code jobs} and the exit code.
 */
class ExportJobListener implements JobExecutionListener {

    static final String COMPLETED_WITH_FAILED_CAMPAIGNS = "COMPLETED_WITH_FAILED_CAMPAIGNS";

    private final ExportFile file;
    private final ExportOutcomeRepository outcomes;

    ExportJobListener(ExportFile file, ExportOutcomeRepository outcomes) {
        this.file = file;
        this.outcomes = outcomes;
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            file.discard();
            return;
        }
        int failed = outcomes.counts(execution.getId()).failed();
        if (failed > 0) {
            execution.setExitStatus(new ExitStatus(COMPLETED_WITH_FAILED_CAMPAIGNS,
                    failed + (failed == 1 ? " campaign" : " campaigns") + " could not be read"));
        }
    }
}
