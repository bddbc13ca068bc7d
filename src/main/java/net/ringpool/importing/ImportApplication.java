package net.ringpool.importing;

import net.ringpool.client.RingPoolClient;
import net.ringpool.db.JobDatabaseAutoConfiguration;
import net.ringpool.outcome.OutcomeRepository;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The Spring context of one {@code import}: Boot's batch auto-configuration with the JDBC job
 * repository in the project database (migrated by Flyway), the import job, and the API client. Only
 * the auto-configurations the job uses, since every import starts a context of its own. {@link Importer}
 * registers the settings, the API client (none for a dry run) and the campaign warm-up before it starts.
 */
@SpringBootConfiguration
@JobDatabaseAutoConfiguration
@ImportAutoConfiguration({BatchAutoConfiguration.class, BatchJdbcAutoConfiguration.class})
@Import({ImportJobConfiguration.class, OutcomeRepository.class})
class ImportApplication {

    /** Every step of this process runs the command line's import with its client. */
    @Bean
    StepSettings stepSettings(ImportSettings settings, ObjectProvider<RingPoolClient> client) {
        return new StepSettings() {
            @Override
            public ImportSettings settings(StepExecution step) {
                return settings;
            }

            @Override
            public RingPoolClient client(ImportSettings ignored) {
                return client.getIfAvailable();
            }

            @Override
            public int chunkSize() {
                return settings.chunkSize();
            }

            @Override
            public boolean terminalProgress() {
                return !settings.partitioning().partitioned();
            }
        };
    }

    @Bean
    ImportLauncher importLauncher(JobOperator jobOperator, JobRepository jobRepository, Job importJob,
            ImportSettings settings, ImportOutput output) {
        return new ImportLauncher(jobOperator, jobRepository, importJob, settings.recoverElsewhere(),
                notice -> {
                    output.err().println(notice);
                    output.err().flush();
                });
    }

    @Bean
    OutcomeFiles outcomeFiles(ImportSettings settings, OutcomeRepository outcomes) {
        return new OutcomeFiles(settings.files(), settings.csv(), outcomes);
    }

    @Bean
    ImportRun importRun(ImportLauncher importLauncher, OutcomeRepository outcomes, OutcomeFiles outcomeFiles,
            ImportSettings settings) {
        return new ImportRun(importLauncher, outcomes, outcomeFiles, settings);
    }
}
