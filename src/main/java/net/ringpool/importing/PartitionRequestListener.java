package net.ringpool.importing;

import java.time.LocalDateTime;

import com.rabbitmq.client.Channel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;

/**
 * Takes partition requests from the queue and runs them with Spring Batch Integration's handler. A
 * request is acknowledged when it is taken, not when its partition ends: a worker killed mid-partition
 * does not hand the half-done partition to another worker behind the manager's back; the manager fails
 * it after the partition timeout and a restart runs the rest. A message that is not a readable request
 * is logged once as an error and rejected to the dead-letter queue, never requeued, and the partition it
 * names (in its header) is failed, so that the manager does not wait for it.
 */
final class PartitionRequestListener implements ChannelAwareMessageListener {

    private static final Logger log = LoggerFactory.getLogger(PartitionRequestListener.class);

    private final PartitionRequests requests = new PartitionRequests();
    private final StepExecutionRequestHandler handler;
    private final JobRepository repository;
    private final String queue;

    PartitionRequestListener(StepExecutionRequestHandler handler, JobRepository repository, String queue) {
        this.handler = handler;
        this.repository = repository;
        this.queue = queue;
    }

    @Override
    public void onMessage(Message message, Channel channel) throws Exception {
        long tag = message.getMessageProperties().getDeliveryTag();
        StepExecutionRequest request;
        try {
            request = requests.fromMessage(message);
        } catch (MessageConversionException unreadable) {
            Long id = PartitionRequests.stepExecutionId(message);
            log.error("rejected an unreadable partition request from queue {} to {}{}: {}", queue,
                    PartitionRequests.deadLetters(queue), id == null ? "" : " (step execution " + id + ")",
                    unreadable.getMessage());
            channel.basicReject(tag, false);
            if (id != null) {
                fail(id, "the worker could not read its request: " + unreadable.getMessage());
            }
            return;
        }
        channel.basicAck(tag, false);
        StepExecution partition = repository.getStepExecution(request.getStepExecutionId());
        if (partition == null || partition.getStatus() != BatchStatus.STARTING) {
            log.warn("skipped partition request {}: its step execution is {}", request,
                    partition == null ? "unknown" : partition.getStatus());
            return;
        }
        log.info("running {} (step execution {}) of job execution {}", partition.getStepName(), partition.getId(),
                partition.getJobExecutionId());
        try {
            StepExecution done = handler.handle(request);
            log.info("{} (step execution {}) ended {}: {} rows written", done.getStepName(), done.getId(),
                    done.getStatus(), done.getWriteCount());
        } catch (RuntimeException e) {
            log.error("partition request {} failed: {}", request, e.getMessage());
            fail(request.getStepExecutionId(), e.getMessage());
        }
    }

    private void fail(long stepExecutionId, String reason) {
        try {
            StepExecution partition = repository.getStepExecution(stepExecutionId);
            if (partition != null && partition.getStatus().isRunning()) {
                partition.setStatus(BatchStatus.FAILED);
                partition.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
                partition.setEndTime(LocalDateTime.now());
                repository.update(partition);
            }
        } catch (RuntimeException e) {
            log.error("cannot fail step execution {}: {}", stepExecutionId, e.getMessage());
        }
    }
}
