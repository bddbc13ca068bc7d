package net.ringpool.exporting;

import java.io.PrintWriter;

import net.ringpool.client.RingPoolClient;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The export job: {@code exportPools} reads the selected campaigns' pools from the API and writes them
 * to a temporary file, chunk by chunk, recording each campaign's outcome; {@code publishFile} then moves
 * the file into place. A job that does not complete leaves no file behind.
 *
 * <p>A context runs one export: the command registers its checked {@link ExportSettings} (which hold
 * the API token, so they are never job parameters) before the context starts.
 */
@Configuration(proxyBeanMethods = false)
class ExportJobConfiguration {

    static final String JOB_NAME = "export";
    static final String EXPORT_STEP = "exportPools";
    static final String PUBLISH_STEP = "publishFile";
    static final int CHUNK_SIZE = 500;

    @Bean
    Job exportJob(JobRepository jobRepository, Step exportPools, Step publishFile, ExportJobListener listener) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(listener)
                .start(exportPools)
                .next(publishFile)
                .build();
    }

    @Bean
    Step exportPools(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            CampaignPoolReader reader, CsvPoolWriter writer, CampaignOutcomeRecorder recorder, ExportProgress progress,
            ExportSettings settings) {
        return new StepBuilder(EXPORT_STEP, jobRepository)
                .<PoolRow, PoolRow>chunk(CHUNK_SIZE)
                .transactionManager(transactionManager)
                .reader(reader)
                .processor(new ApiKeyRedactor(settings.includeSecrets()))
                .writer(writer)
                .listener(recorder)
                .listener(progress)
                .build();
    }

    @Bean
    Step publishFile(JobRepository jobRepository, PlatformTransactionManager transactionManager, ExportFile file) {
        return new StepBuilder(PUBLISH_STEP, jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    file.publish();
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    @Bean
    RingPoolClient ringPoolClient(ExportSettings settings) {
        return new RingPoolClient(settings.client());
    }

    @Bean
    CampaignPoolReader campaignPoolReader(RingPoolClient client, ExportSettings settings,
            CampaignOutcomeRecorder recorder) {
        return new CampaignPoolReader(new PoolFetcher(client, settings.concurrency()), settings.selection(), recorder,
                settings.client().networkId());
    }

    @Bean
    ExportFile exportFile(ExportSettings settings) {
        return new ExportFile(settings.output(), settings.includeSecrets());
    }

    @Bean
    CsvPoolWriter csvPoolWriter(ExportFile file, ExportSettings settings) {
        return new CsvPoolWriter(file, settings.mapping(), settings.delimiter(), settings.byteOrderMark());
    }

    @Bean
    ExportOutcomeRepository exportOutcomeRepository(JdbcClient jdbc) {
        return new ExportOutcomeRepository(jdbc);
    }

    @Bean
    CampaignOutcomeRecorder campaignOutcomeRecorder(ExportOutcomeRepository repository) {
        return new CampaignOutcomeRecorder(repository);
    }

    @Bean
    ExportProgress exportProgress(@Qualifier(ExportLauncher.PROGRESS_OUT) PrintWriter out, ExportSettings settings,
            CampaignOutcomeRecorder recorder) {
        return new ExportProgress(out, settings.progressInterval(), recorder);
    }

    @Bean
    ExportJobListener exportJobListener(ExportFile file, ExportOutcomeRepository outcomes) {
        return new ExportJobListener(file, outcomes);
    }

    @Bean
    ExportRunner exportRunner(JobOperator jobOperator, Job exportJob, ExportOutcomeRepository outcomes,
            ExportSettings settings, ExportFile file) {
        return new ExportRunner(jobOperator, exportJob, outcomes, settings, file);
    }
}
