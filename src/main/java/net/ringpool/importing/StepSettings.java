package net.ringpool.importing;

import net.ringpool.client.RingPoolClient;

import org.springframework.batch.core.step.StepExecution;

/**
 * The import a step of rows works on and its API client: in the process that started the import the
 * command line's; on a worker the partition's, read from its step execution context, with the worker's
 * own token.
 */
interface StepSettings {

    ImportSettings settings(StepExecution step);

    /** The client for these settings; null for a dry run, which sends nothing. */
    RingPoolClient client(ImportSettings settings);

    /** Rows per chunk of the step. */
    int chunkSize();

    /** Whether progress may be redrawn on the terminal: not when partitions run side by side. */
    boolean terminalProgress();
}
