package net.ringpool.importing;

import java.net.URI;
import java.time.Duration;

/**
 * How an import is split across partition steps.
 *
 * @param partitions partition steps; 0 for the single step of an unpartitioned import
 * @param broker the RabbitMQ URI the partition requests go to, or null to run them on a local thread pool
 * @param queue the queue the workers listen on
 * @param partitionTimeout how long a started partition may go without committing a chunk before the
 *     manager fails it (its worker is taken for dead)
 */
public record Partitioning(int partitions, URI broker, String queue, Duration partitionTimeout) {

    public static final String DEFAULT_QUEUE = "ringpool.import.partitions";
    public static final Partitioning NONE = new Partitioning(0, null, DEFAULT_QUEUE, Duration.ofMinutes(5));

    public boolean partitioned() {
        return partitions > 0;
    }

    public boolean remote() {
        return broker != null;
    }
}
