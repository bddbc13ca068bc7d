package net.ringpool.importing;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Watches the partitions of a remote import while the manager waits for them: a started partition that
 * has not committed a chunk within the partition timeout lost its worker (killed, cut off), and waiting
 * partitions with no worker listening on the queue for that long will never start. Both are marked
 * FAILED in the job repository, so the manager stops waiting and the execution ends FAILED and
 * restartable. A worker that was only slow then fails on its next commit (the step execution's version
 * moved on), so a partition is never run twice at once.
 */
final class StalledPartitions implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(StalledPartitions.class);

    private final JobRepository repository;
    private final Duration timeout;
    private final BooleanSupplier workersListening;
    private ScheduledExecutorService watch;
    private LocalDateTime lastSeenWorker;

    StalledPartitions(JobRepository repository, Duration timeout, BooleanSupplier workersListening) {
        this.repository = repository;
        this.timeout = timeout;
        this.workersListening = workersListening;
    }

    @Override
    public void beforeStep(StepExecution manager) {
        lastSeenWorker = LocalDateTime.now();
        watch = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "stalled-partitions");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(200, Math.min(5000, timeout.toMillis() / 4));
        watch.scheduleWithFixedDelay(() -> check(manager), period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public ExitStatus afterStep(StepExecution manager) {
        watch.shutdownNow();
        return null;
    }

    private void check(StepExecution manager) {
        try {
            LocalDateTime now = LocalDateTime.now();
            boolean listening = workersListening.getAsBoolean();
            if (listening) {
                lastSeenWorker = now;
            }
            JobExecution job = repository.getJobExecution(manager.getJobExecutionId());
            for (StepExecution partition : job.getStepExecutions()) {
                if (partition.getId() == manager.getId()) {
                    continue;
                }
                LocalDateTime since = partition.getLastUpdated() != null ? partition.getLastUpdated()
                        : partition.getStartTime();
                if (partition.getStatus() == BatchStatus.STARTED && since != null
                        && since.plus(timeout).isBefore(now)) {
                    fail(partition, "its worker committed nothing for " + timeout.toSeconds()
                            + " s (killed or cut off?); --partition-timeout");
                } else if (partition.getStatus() == BatchStatus.STARTING && !listening
                        && lastSeenWorker.plus(timeout).isBefore(now)) {
                    fail(partition, "no worker listened on the queue for " + timeout.toSeconds()
                            + " s; start `worker` processes, then run the same import again");
                }
            }
        } catch (RuntimeException e) {
            log.warn("cannot check the partitions of job execution {}: {}", manager.getJobExecutionId(),
                    e.getMessage());
        }
    }

    private void fail(StepExecution partition, String reason) {
        String message = "partition " + partition.getStepName() + " failed: " + reason;
        partition.setStatus(BatchStatus.FAILED);
        partition.setExitStatus(ExitStatus.FAILED.addExitDescription(message));
        partition.setEndTime(LocalDateTime.now());
        try {
            repository.update(partition);
            log.error(message);
        } catch (OptimisticLockingFailureException movedOn) {
            log.debug("partition {} moved on while being checked", partition.getStepName());
        }
    }
}
