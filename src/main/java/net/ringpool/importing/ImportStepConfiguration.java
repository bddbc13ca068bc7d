package net.ringpool.importing;

import java.io.PrintWriter;

import net.ringpool.client.RingPoolClient;
import net.ringpool.outcome.OutcomeRepository;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The chunk-oriented step of the import: reads CSV rows, validates them, sends them to the API and
 * records every row's outcome with the chunk's progress, in the step's transaction. The same step runs
 * the whole input, or one partition of it (in a thread of the manager or on a worker); its parts are
 * step-scoped, so that partitions running side by side each have their own.
 */
@Configuration(proxyBeanMethods = false)
class ImportStepConfiguration {

    static final String STEP_NAME = "importRows";

    @Bean
    Step importRows(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            StepSettings steps, CsvRowReader rowReader, RowProcessor rowProcessor, RingPoolWriter ringPoolWriter,
            ProgressListener progressListener) {
        return new StepBuilder(STEP_NAME, jobRepository)
                .<CsvRow, PoolRequest>chunk(steps.chunkSize())
                .transactionManager(transactionManager)
                .reader(rowReader)
                .processor(rowProcessor)
                .writer(ringPoolWriter)
                .listener(progressListener)
                .build();
    }

    @Bean
    @StepScope
    CsvRowReader rowReader(StepSettings steps, @Value("#{stepExecution}") StepExecution step) {
        ImportSettings settings = steps.settings(step);
        return new CsvRowReader(settings.files(), settings.csv());
    }

    @Bean
    @StepScope
    RowProcessor rowProcessor(StepSettings steps, @Value("#{stepExecution}") StepExecution step) {
        return new RowProcessor(steps.settings(step).csv().networkGeneratesIds());
    }

    @Bean
    @StepScope
    RingPoolWriter ringPoolWriter(StepSettings steps, @Value("#{stepExecution}") StepExecution step,
            OutcomeRepository outcomes, ObjectProvider<CampaignWarmUp> warmUp) {
        ImportSettings settings = steps.settings(step);
        RingPoolClient api = settings.dryRun() ? null : steps.client(settings);
        RowSender sender = api == null ? null : new RowSender(api, settings.onlyChanged());
        if (api == null) {
            return new RingPoolWriter(null, null, null, outcomes, settings);
        }
        if (!settings.onlyChanged()) {
            // a partition's lists would go stale with the rows other partitions send to the same campaigns
            boolean partition = step.getExecutionContext().containsKey(PartitionSlices.KEY);
            return new RingPoolWriter(sender, partition ? null : new LocalPoolIds(api, LocalPoolIds.MAX_IDS), null,
                    outcomes, settings);
        }
        CsvRowReader ownReader = new CsvRowReader(settings.files(), settings.csv());
        CampaignWarmUp started = warmUp.getIfAvailable();
        CampaignPrefetch prefetch = started == null ? null : started.takeOver(step, api, ownReader);
        if (prefetch == null) {
            prefetch = new CampaignPrefetch(ownReader, CampaignPools.forStep(api, settings));
        }
        return new RingPoolWriter(sender, prefetch.pools(), prefetch, outcomes, settings);
    }

    @Bean
    @StepScope
    ProgressListener progressListener(CsvRowReader rowReader, StepSettings steps,
            ObjectProvider<ImportOutput> output) {
        ImportOutput shown = output.getIfAvailable();
        PrintWriter terminal = shown != null && shown.terminal() && steps.terminalProgress() ? shown.err() : null;
        return new ProgressListener(rowReader, terminal, System::nanoTime);
    }
}
