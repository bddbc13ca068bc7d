package net.ringpool.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.transaction.TransactionSystemException;

/** The one line that says why an execution did not complete. */
class ImportRunFailureTests {

    @Test
    void aLostDatabaseConnectionIsNamedAsTheJobDatabase() {
        // given the chunk's commit failed because PostgreSQL went away
        JobExecution execution = failedWith(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")));

        // when / then
        assertThat(ImportRun.failure(execution))
                .isEqualTo("the job database failed: Connection is closed; run the same command again to resume");
    }

    @Test
    void anyOtherFailureIsTheImports() {
        JobExecution execution = failedWith(new IllegalStateException("the input changed"));

        assertThat(ImportRun.failure(execution))
                .isEqualTo("the import failed: the input changed; run the same command again to resume");
    }

    private static JobExecution failedWith(Throwable failure) {
        JobExecution execution = new JobExecution(1, new JobInstance(1, ImportIdentity.JOB_NAME), new JobParameters());
        execution.setStatus(BatchStatus.FAILED);
        execution.addFailureException(failure);
        return execution;
    }
}
