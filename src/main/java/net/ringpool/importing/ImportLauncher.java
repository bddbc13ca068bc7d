package net.ringpool.importing;

import java.util.function.Consumer;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Starts the run a command line means, or resumes it: a failed or stopped execution is restarted from
 * its last committed chunk; one still recorded as running whose process is gone (killed) is first
 * recovered; after a completed run the next run number starts a new job instance.
 */
class ImportLauncher {

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final boolean recoverElsewhere;
    private final Consumer<String> notices;

    ImportLauncher(JobOperator operator, JobRepository repository, Job job, boolean recoverElsewhere,
            Consumer<String> notices) {
        this.operator = operator;
        this.repository = repository;
        this.job = job;
        this.recoverElsewhere = recoverElsewhere;
        this.notices = notices;
    }

    /** Runs the job to its end and returns the execution; {@link ImportBlockedException} when it cannot run now. */
    JobExecution launch(ImportIdentity identity) throws Exception {
        long run = latestRun(identity);
        if (run == 0) {
            return operator.start(job, identity.parameters(1));
        }
        JobInstance instance = repository.getJobInstance(ImportIdentity.JOB_NAME, identity.parameters(run));
        JobExecution last = repository.getLastJobExecution(instance);
        BatchStatus status = last == null ? BatchStatus.COMPLETED : last.getStatus();
        if (status.isRunning()) {
            last = recover(last);
            status = last.getStatus();
        }
        return switch (status) {
            case FAILED, STOPPED -> {
                notices.accept("resuming job execution " + last.getId() + " (" + status + ") of run " + run
                        + " from its last committed chunk");
                yield operator.restart(last);
            }
            case UNKNOWN -> {
                notices.accept("job execution " + last.getId() + " is in an unknown state and cannot be resumed; "
                        + "starting run " + (run + 1) + " from the first row");
                yield operator.start(job, identity.parameters(run + 1));
            }
            default -> operator.start(job, identity.parameters(run + 1));
        };
    }

    /** The execution as the job repository holds it now, with the step executions workers recorded. */
    JobExecution reload(JobExecution execution) {
        JobExecution stored = repository.getJobExecution(execution.getId());
        return stored == null ? execution : stored;
    }

    private JobExecution recover(JobExecution running) {
        ExecutionOwner.Liveness liveness = ExecutionOwner.liveness(running);
        if (liveness == ExecutionOwner.Liveness.ALIVE) {
            throw new ImportBlockedException("this import is already running as job execution " + running.getId()
                    + " (" + ExecutionOwner.describe(running) + ")");
        }
        if (liveness == ExecutionOwner.Liveness.OTHER_HOST && !recoverElsewhere) {
            throw new ImportBlockedException("job execution " + running.getId() + " of this import is recorded as "
                    + "running by " + ExecutionOwner.describe(running) + "; if that process is gone, run the "
                    + "same command with --recover to resume it here");
        }
        notices.accept("job execution " + running.getId() + " was left running by " + ExecutionOwner.describe(running)
                + ", which is gone; recovering it");
        operator.recover(running);
        return repository.getJobExecution(running.getId());
    }

    /** The highest run number of this identity, 0 when there is none; runs are numbered 1, 2, 3 … without gaps. */
    long latestRun(ImportIdentity identity) {
        if (!exists(identity, 1)) {
            return 0;
        }
        long known = 1;
        long beyond = 2;
        while (exists(identity, beyond)) {
            known = beyond;
            beyond *= 2;
        }
        while (beyond - known > 1) {
            long middle = known + (beyond - known) / 2;
            if (exists(identity, middle)) {
                known = middle;
            } else {
                beyond = middle;
            }
        }
        return known;
    }

    private boolean exists(ImportIdentity identity, long run) {
        return repository.getJobInstance(ImportIdentity.JOB_NAME, identity.parameters(run)) != null;
    }
}
