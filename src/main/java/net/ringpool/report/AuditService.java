package net.ringpool.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** Assembles audit reports from the job history. */
@Service
public class AuditService {

    private final AuditRepository repository;

    AuditService(AuditRepository repository) {
        this.repository = repository;
    }

    /** Executions newest first, for {@code jobs}. */
    public List<AuditReport.Execution> executions(int limit, String status) {
        return repository.executions(limit, status, null);
    }

    /** The report of one execution, or empty when there is no such execution. */
    public Optional<AuditReport> execution(long jobExecutionId) {
        return repository.execution(jobExecutionId)
                .map(execution -> assemble(execution.jobName() + " execution " + jobExecutionId, List.of(execution)));
    }

    /** The digest of every execution created since {@code since}. */
    public AuditReport digest(Instant since, String window) {
        List<AuditReport.Execution> executions = repository.executions(Integer.MAX_VALUE, null, since);
        return assemble("Digest of the last " + window + " (" + executions.size() + " executions)", executions);
    }

    private AuditReport assemble(String title, List<AuditReport.Execution> executions) {
        List<Long> ids = executions.stream().map(AuditReport.Execution::id).toList();
        return new AuditReport(title, Instant.now(), executions, repository.countsByStatus(ids),
                repository.errorGroups(ids), repository.failedRows(ids), repository.throughput(ids));
    }
}
