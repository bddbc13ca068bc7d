package net.ringpool.cli;

import java.net.URI;
import java.net.URISyntaxException;

import net.ringpool.importing.Partitioning;

import picocli.CommandLine.Option;

/** Where the partition requests of a remote import go: the RabbitMQ broker and the queue. */
public class BrokerOptions {

    @Option(names = "--broker", paramLabel = "AMQP_URI",
            description = "RabbitMQ of the partition requests, e.g. amqp://user:password@mq-host:5672/vhost "
                    + "(default: $RINGPOOL_BROKER).")
    String broker;

    @Option(names = "--queue", defaultValue = Partitioning.DEFAULT_QUEUE, paramLabel = "NAME",
            description = "The queue of partition requests; the manager and its workers must name the same (default: ${DEFAULT-VALUE}).")
    String queue;

    /** The broker's URI; a usage error when none is given or it is not an amqp(s) URI. */
    URI brokerUri() {
        if (broker == null || broker.isBlank()) {
            throw new UsageException("--broker is required: the RabbitMQ URI, e.g. amqp://guest:guest@127.0.0.1:5672");
        }
        try {
            URI uri = new URI(broker.strip());
            if (uri.getScheme() == null || !uri.getScheme().matches("amqps?") || uri.getHost() == null) {
                throw new UsageException("--broker must be an amqp:// or amqps:// URI with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException("--broker is not a URI");
        }
    }

    String queue() {
        if (queue == null || queue.isBlank() || queue.length() > 200) {
            throw new UsageException("--queue must be a queue name of at most 200 characters");
        }
        return queue;
    }
}
