package net.ringpool.importing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Records which process runs an execution (host, pid, process start), so that a later command can tell
 * an execution still recorded as STARTED whose process was killed from one that is really running.
 */
class ExecutionOwner implements JobExecutionListener {

    static final String HOST = "import.owner.host";
    static final String PID = "import.owner.pid";
    static final String PROCESS_START = "import.owner.process-start";
    /** An execution without an owner died before it could record one, or is only starting. */
    private static final Duration OWNERLESS_GRACE = Duration.ofMinutes(1);

    enum Liveness { ALIVE, GONE, OTHER_HOST }

    private final JobRepository repository;

    ExecutionOwner(JobRepository repository) {
        this.repository = repository;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        ProcessHandle self = ProcessHandle.current();
        ExecutionContext context = execution.getExecutionContext();
        context.putString(HOST, host());
        context.putLong(PID, self.pid());
        context.putLong(PROCESS_START, startMillis(self).orElse(0L));
        repository.updateExecutionContext(execution);
    }

    /** Whether the process recorded for a running execution is still there. */
    static Liveness liveness(JobExecution execution) {
        ExecutionContext context = execution.getExecutionContext();
        if (!context.containsKey(PID)) {
            LocalDateTime since = execution.getLastUpdated() != null ? execution.getLastUpdated()
                    : execution.getCreateTime();
            Instant seen = since.atZone(ZoneId.systemDefault()).toInstant();
            return seen.plus(OWNERLESS_GRACE).isBefore(Instant.now()) ? Liveness.GONE : Liveness.ALIVE;
        }
        if (!host().equals(context.getString(HOST))) {
            return Liveness.OTHER_HOST;
        }
        long recordedStart = context.getLong(PROCESS_START);
        Optional<ProcessHandle> process = ProcessHandle.of(context.getLong(PID));
        boolean same = process.isPresent() && process.get().isAlive()
                && (recordedStart == 0 || startMillis(process.get()).orElse(recordedStart) == recordedStart);
        return same ? Liveness.ALIVE : Liveness.GONE;
    }

    static String describe(JobExecution execution) {
        ExecutionContext context = execution.getExecutionContext();
        return context.containsKey(PID)
                ? "pid " + context.getLong(PID) + " on " + context.getString(HOST)
                : "a process that recorded no pid";
    }

    private static Optional<Long> startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown-host");
        }
    }
}
