package net.ringpool.importing;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * The import job: the step of rows over the whole input, or, with {@code --partitions}, a manager step
 * that splits the input by campaign and line range and runs that step once per partition: on a local
 * thread pool, or with {@code --remote} on workers that take the partition requests from RabbitMQ.
 */
@Configuration(proxyBeanMethods = false)
@Import(ImportStepConfiguration.class)
class ImportJobConfiguration {

    static final String PARTITIONS_STEP_NAME = "importPartitions";

    @Bean
    Job importJob(JobRepository jobRepository, Step importRows, ExecutionOwner executionOwner, ImportSettings settings)
            throws Exception {
        Step first = settings.partitioning().partitioned() ? partitions(jobRepository, importRows, settings) : importRows;
        return new JobBuilder(ImportIdentity.JOB_NAME, jobRepository)
                .listener(executionOwner)
                .start(first)
                .build();
    }

    /** On a restart Spring Batch keeps the first split and runs only the partitions that did not complete. */
    private static Step partitions(JobRepository jobRepository, Step importRows, ImportSettings settings)
            throws Exception {
        Partitioning partitioning = settings.partitioning();
        StepBuilder manager = new StepBuilder(PARTITIONS_STEP_NAME, jobRepository);
        PartitionHandler handler;
        if (partitioning.remote()) {
            RemotePartitions remote = RemotePartitions.connect(partitioning);
            handler = remote.partitionHandler(jobRepository, importRows.getName());
            manager.listener(new StalledPartitions(jobRepository, partitioning.partitionTimeout(), remote::hasConsumers));
            manager.listener(remote);
        } else {
            SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("import-partition-");
            threads.setConcurrencyLimit(partitioning.partitions());
            TaskExecutorPartitionHandler local = new TaskExecutorPartitionHandler();
            local.setStep(importRows);
            local.setTaskExecutor(threads);
            local.setGridSize(partitioning.partitions());
            local.afterPropertiesSet();
            handler = local;
        }
        return manager.partitioner(importRows.getName(), new ImportPartitioner(settings))
                .partitionHandler(handler)
                .build();
    }

    @Bean
    ExecutionOwner executionOwner(JobRepository jobRepository) {
        return new ExecutionOwner(jobRepository);
    }
}
