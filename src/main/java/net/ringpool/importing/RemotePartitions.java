package net.ringpool.importing;

import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.integration.amqp.outbound.AmqpOutboundEndpoint;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.core.MessagingTemplate;

/**
 * The manager's side of remote partitioning: Spring Batch Integration's partition handler sends one
 * request per partition through a Spring Integration AMQP outbound adapter to the workers' queue, then
 * waits by polling the job repository, where the workers record their step executions.
 */
final class RemotePartitions implements StepExecutionListener {

    private static final long POLL_MILLIS = 1000;

    private final Partitioning partitioning;
    private final CachingConnectionFactory connections;
    private final RabbitAdmin admin;
    private final RabbitTemplate template;

    private RemotePartitions(Partitioning partitioning) {
        this.partitioning = partitioning;
        this.connections = PartitionRequests.connectionFactory(partitioning.broker());
        this.admin = new RabbitAdmin(connections);
        this.template = new RabbitTemplate(connections);
        template.setMessageConverter(new PartitionRequests());
    }

    static RemotePartitions connect(Partitioning partitioning) {
        return new RemotePartitions(partitioning);
    }

    MessageChannelPartitionHandler partitionHandler(JobRepository jobRepository, String workerStepName)
            throws Exception {
        AmqpOutboundEndpoint toBroker = new AmqpOutboundEndpoint(template);
        toBroker.setExchangeName("");
        toBroker.setRoutingKey(partitioning.queue());
        // the import's context is no Spring Integration context; the endpoint only needs a bean factory to initialise
        toBroker.setBeanFactory(new DefaultListableBeanFactory());
        toBroker.afterPropertiesSet();
        DirectChannel requests = new DirectChannel();
        requests.subscribe(toBroker);
        MessagingTemplate messaging = new MessagingTemplate(requests);

        MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
        handler.setStepName(workerStepName);
        handler.setGridSize(partitioning.partitions());
        handler.setMessagingOperations(messaging);
        handler.setJobRepository(jobRepository);
        handler.setPollInterval(POLL_MILLIS);
        handler.afterPropertiesSet();
        return handler;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        PartitionRequests.declare(admin, partitioning.queue());
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        connections.resetConnection();
        return null;
    }

    /** Whether any worker listens on the queue. */
    boolean hasConsumers() {
        QueueInformation queue = admin.getQueueInfo(partitioning.queue());
        return queue != null && queue.getConsumerCount() > 0;
    }
}
