package net.ringpool.importing;

import java.net.URI;

import net.ringpool.client.ApiCredentials;

/**
 * One {@code worker} as its command line asks for it.
 *
 * @param broker the RabbitMQ URI of the partition requests
 * @param queue the queue to take them from
 * @param credentials the worker's own API token: a token never travels through the broker or the database
 * @param chunkSize rows per chunk of the partitions it runs
 * @param threads partitions it runs at once
 */
public record WorkerSettings(URI broker, String queue, ApiCredentials credentials, int chunkSize, int threads) {
}
