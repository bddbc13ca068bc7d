package net.ringpool.importing;

import java.nio.file.Path;
import java.util.List;

import net.ringpool.client.ClientSettings;

/**
 * One import as the command line asks for it.
 *
 * @param files the CSV files, imported in this order as one run
 * @param apiUrl the API's base as given, part of the run's identity
 * @param client how to reach the API; null for a dry run, which sends nothing
 * @param concurrency requests in flight at once within a chunk
 * @param chunkSize rows per chunk: per transaction of outcomes and progress
 * @param skipLimit problem rows the whole run may have before it stops; negative for no limit
 * @param maxConsecutiveFailures rows in a row failing after every retry that stop the run
 * @param out where outcomes.csv and errors.csv go; null for ./out/JOB_EXECUTION_ID/
 * @param recoverElsewhere resume a run recorded as running on another host, whose process is gone
 * @param partitioning how the run is split into partition steps, {@link Partitioning#NONE} for one step
 */
public record ImportSettings(List<Path> files, CsvOptions csv, String apiUrl, String networkId, ClientSettings client,
        int concurrency, int chunkSize, long skipLimit, int maxConsecutiveFailures, boolean dryRun,
        boolean onlyChanged, Path out, boolean recoverElsewhere, Partitioning partitioning) {

    public static final int DEFAULT_CONCURRENCY = 64;
    public static final int DEFAULT_CHUNK_SIZE = 1000;
    public static final int DEFAULT_MAX_CONSECUTIVE_FAILURES = 50;

    public ImportSettings {
        files = List.copyOf(files);
        partitioning = partitioning == null ? Partitioning.NONE : partitioning;
    }

    /** An unpartitioned import. */
    public ImportSettings(List<Path> files, CsvOptions csv, String apiUrl, String networkId, ClientSettings client,
            int concurrency, int chunkSize, long skipLimit, int maxConsecutiveFailures, boolean dryRun,
            boolean onlyChanged, Path out, boolean recoverElsewhere) {
        this(files, csv, apiUrl, networkId, client, concurrency, chunkSize, skipLimit, maxConsecutiveFailures, dryRun,
                onlyChanged, out, recoverElsewhere, Partitioning.NONE);
    }

    /** An import with the command's defaults: comma-separated, no skip limit, outcomes under ./out/. */
    public static ImportSettings defaults(List<Path> files, String apiUrl, String networkId, ClientSettings client) {
        return new ImportSettings(files, CsvOptions.defaults(), apiUrl, networkId, client, DEFAULT_CONCURRENCY,
                DEFAULT_CHUNK_SIZE, -1, DEFAULT_MAX_CONSECUTIVE_FAILURES, false, false, null, false);
    }

    /** The files' absolute paths, as the run's identity and the outcomes record them. */
    List<String> fileNames() {
        return files.stream().map(file -> file.toAbsolutePath().normalize().toString()).toList();
    }
}
