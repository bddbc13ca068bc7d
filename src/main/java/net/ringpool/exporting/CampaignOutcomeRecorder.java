package net.ringpool.exporting;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Records each campaign's outcome under the running job execution, inside the chunk that reads it, and
 * keeps the counts the progress lines show.
 */
class CampaignOutcomeRecorder implements StepExecutionListener {

    private final ExportOutcomeRepository repository;
    private final AtomicInteger exported = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile Long jobExecutionId;

    CampaignOutcomeRecorder(ExportOutcomeRepository repository) {
        this.repository = repository;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        jobExecutionId = stepExecution.getJobExecutionId();
    }

    void record(CampaignOutcome outcome) {
        if (jobExecutionId == null) {
            throw new IllegalStateException("no export step is running");
        }
        repository.insert(jobExecutionId, outcome);
        (outcome.failed() ? failed : exported).incrementAndGet();
    }

    int exported() {
        return exported.get();
    }

    int failed() {
        return failed.get();
    }
}
