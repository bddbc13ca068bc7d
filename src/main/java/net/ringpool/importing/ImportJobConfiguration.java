package net.ringpool.importing;

import java.io.PrintWriter;

import net.ringpool.client.RingPoolClient;
import net.ringpool.outcome.OutcomeRepository;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The import job: one chunk-oriented step that reads CSV rows, validates them, sends them to the API
 * and records every row's outcome with the chunk's progress, in the step's transaction.
 */
@Configuration(proxyBeanMethods = false)
class ImportJobConfiguration {

    @Bean
    Job importJob(JobRepository jobRepository, Step importRows, ExecutionOwner executionOwner) {
        return new JobBuilder(ImportIdentity.JOB_NAME, jobRepository)
                .listener(executionOwner)
                .start(importRows)
                .build();
    }

    @Bean
    Step importRows(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ImportSettings settings, CsvRowReader rowReader, RowProcessor rowProcessor, RingPoolWriter ringPoolWriter,
            ProgressListener progressListener) {
        return new StepBuilder("importRows", jobRepository)
                .<CsvRow, PoolRequest>chunk(settings.chunkSize())
                .transactionManager(transactionManager)
                .reader(rowReader)
                .processor(rowProcessor)
                .writer(ringPoolWriter)
                .listener(progressListener)
                .build();
    }

    @Bean
    CsvRowReader rowReader(ImportSettings settings) {
        return new CsvRowReader(settings.files(), settings.csv());
    }

    @Bean
    RowProcessor rowProcessor(ImportSettings settings) {
        return new RowProcessor(settings.csv().networkGeneratesIds());
    }

    @Bean
    RingPoolWriter ringPoolWriter(ImportSettings settings, ObjectProvider<RingPoolClient> client,
            OutcomeRepository outcomes) {
        RingPoolClient api = settings.dryRun() ? null : client.getObject();
        RowSender sender = api == null ? null : new RowSender(api, settings.onlyChanged());
        CampaignPools campaignPools = api != null && settings.onlyChanged()
                ? new CampaignPools(api, settings.concurrency(), Math.max(1000, 2 * settings.chunkSize()))
                : null;
        return new RingPoolWriter(sender, campaignPools, outcomes, settings);
    }

    @Bean
    ProgressListener progressListener(CsvRowReader rowReader, ImportOutput output) {
        PrintWriter terminal = output.terminal() ? output.err() : null;
        return new ProgressListener(rowReader, terminal, System::nanoTime);
    }

    @Bean
    ExecutionOwner executionOwner(JobRepository jobRepository) {
        return new ExecutionOwner(jobRepository);
    }
}
