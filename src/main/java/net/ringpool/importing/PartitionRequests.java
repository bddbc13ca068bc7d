package net.ringpool.importing;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.batch.integration.partition.StepExecutionRequest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The partition requests on the broker: a durable queue whose rejected messages go to a dead-letter
 * queue, and messages of plain JSON ({@code {"stepName":…,"stepExecutionId":…}}). JSON rather than Java
 * serialization, because Spring AMQP refuses to deserialize classes that are not allow-listed, and a
 * refused message used to be redelivered forever without a visible error. The step execution id also
 * travels as a header, so that a worker can fail the partition of a message whose body it cannot read.
 */
final class PartitionRequests implements MessageConverter {

    static final String STEP_EXECUTION_HEADER = "ringpool-step-execution-id";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static CachingConnectionFactory connectionFactory(URI broker) {
        CachingConnectionFactory factory = new CachingConnectionFactory(broker);
        factory.setConnectionNameStrategy(connectionFactory -> "ringpool-batch@" + ImportIdentity.host());
        return factory;
    }

    /** Declares the queue and its dead-letter queue (idempotent; the manager and every worker do it). */
    static void declare(RabbitAdmin admin, String queue) {
        admin.declareQueue(QueueBuilder.durable(deadLetters(queue)).build());
        Queue requests = QueueBuilder.durable(queue).deadLetterExchange("").deadLetterRoutingKey(deadLetters(queue))
                .build();
        admin.declareQueue(requests);
    }

    static String deadLetters(String queue) {
        return queue + ".dead";
    }

    @Override
    public Message toMessage(Object object, MessageProperties properties) {
        if (!(object instanceof StepExecutionRequest request)) {
            throw new MessageConversionException("not a partition request: " + object);
        }
        String body = JSON.writeValueAsString(JSON.createObjectNode().put("stepName", request.getStepName())
                .put("stepExecutionId", request.getStepExecutionId()));
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setContentEncoding("UTF-8");
        properties.setHeader(STEP_EXECUTION_HEADER, request.getStepExecutionId());
        return new Message(body.getBytes(StandardCharsets.UTF_8), properties);
    }

    @Override
    public StepExecutionRequest fromMessage(Message message) {
        try {
            JsonNode body = JSON.readTree(message.getBody());
            JsonNode stepName = body.get("stepName");
            JsonNode id = body.get("stepExecutionId");
            if (stepName == null || !stepName.isString() || id == null || !id.canConvertToLong()) {
                throw new MessageConversionException("no stepName and stepExecutionId");
            }
            return new StepExecutionRequest(stepName.asString(), id.asLong());
        } catch (RuntimeException e) {
            throw new MessageConversionException("not a partition request ("
                    + message.getMessageProperties().getContentType() + "): " + e.getMessage(), e);
        }
    }

    /** The step execution id a message names in its header, or null. */
    static Long stepExecutionId(Message message) {
        Object header = message.getMessageProperties().getHeaders().get(STEP_EXECUTION_HEADER);
        if (header instanceof Number number) {
            return number.longValue();
        }
        try {
            return header == null ? null : Long.valueOf(header.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
