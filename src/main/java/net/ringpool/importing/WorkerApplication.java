package net.ringpool.importing;

import net.ringpool.db.JobDatabaseAutoConfiguration;
import net.ringpool.outcome.OutcomeRepository;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The Spring context of a {@code worker}: the job repository in the shared database, the import's step
 * of rows, and a listener on the partition queue that runs the requested partitions one at a time per
 * thread (prefetch 1, so that waiting partitions stay on the broker for idle workers).
 */
@SpringBootConfiguration
@JobDatabaseAutoConfiguration
@ImportAutoConfiguration({BatchAutoConfiguration.class, BatchJdbcAutoConfiguration.class})
@Import({ImportStepConfiguration.class, OutcomeRepository.class})
class WorkerApplication {

    @Bean
    WorkerSteps workerSteps(WorkerSettings settings) {
        return new WorkerSteps(settings);
    }

    @Bean
    StepExecutionRequestHandler stepExecutionRequestHandler(JobRepository jobRepository, BeanFactory beanFactory,
            Step importRows) {
        BeanFactoryStepLocator steps = new BeanFactoryStepLocator();
        steps.setBeanFactory(beanFactory);
        StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
        handler.setJobRepository(jobRepository);
        handler.setStepLocator(steps);
        return handler;
    }

    @Bean(destroyMethod = "destroy")
    CachingConnectionFactory brokerConnections(WorkerSettings settings) {
        return PartitionRequests.connectionFactory(settings.broker());
    }

    @Bean
    SimpleMessageListenerContainer partitionRequests(CachingConnectionFactory brokerConnections,
            WorkerSettings settings, StepExecutionRequestHandler handler, JobRepository jobRepository) {
        PartitionRequests.declare(new RabbitAdmin(brokerConnections), settings.queue());
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(brokerConnections);
        container.setQueueNames(settings.queue());
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setPrefetchCount(1);
        container.setConcurrentConsumers(settings.threads());
        container.setDefaultRequeueRejected(false);
        container.setMessageListener(new PartitionRequestListener(handler, jobRepository, settings.queue()));
        return container;
    }
}
