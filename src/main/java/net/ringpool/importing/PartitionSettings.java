package net.ringpool.importing;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import net.ringpool.client.ApiCredentials;
import net.ringpool.client.AuthMode;
import net.ringpool.client.ClientSettings;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The settings a worker needs to run a partition, kept in the partition's step execution context. The
 * token is not among them: it never travels through the broker or the job repository; each worker
 * reads its own.
 */
final class PartitionSettings {

    private static final String PREFIX = "import.settings.";

    private PartitionSettings() {
    }

    static void put(ImportSettings settings, ExecutionContext context) {
        context.putString(PREFIX + "files", String.join("\n", settings.fileNames()));
        context.putString(PREFIX + "delimiter", String.valueOf(settings.csv().delimiter()));
        context.putString(PREFIX + "ignore-unknown-columns", String.valueOf(settings.csv().ignoreUnknownColumns()));
        context.putString(PREFIX + "network-generates-ids", String.valueOf(settings.csv().networkGeneratesIds()));
        context.putString(PREFIX + "api-url", settings.apiUrl());
        context.putString(PREFIX + "network-id", settings.networkId());
        context.putInt(PREFIX + "concurrency", settings.concurrency());
        context.putInt(PREFIX + "chunk-size", settings.chunkSize());
        context.putLong(PREFIX + "skip-limit", settings.skipLimit());
        context.putInt(PREFIX + "max-consecutive-failures", settings.maxConsecutiveFailures());
        context.putString(PREFIX + "dry-run", String.valueOf(settings.dryRun()));
        context.putString(PREFIX + "only-changed", String.valueOf(settings.onlyChanged()));
        ClientSettings client = settings.client();
        if (client != null) {
            context.putString(PREFIX + "client.url", client.apiUrl().toString());
            context.putString(PREFIX + "client.auth", client.authMode().name());
            context.putLong(PREFIX + "client.timeout-ms", client.timeout().toMillis());
            context.putInt(PREFIX + "client.max-attempts", client.maxAttempts());
            context.putLong(PREFIX + "client.initial-backoff-ms", client.initialBackoff().toMillis());
            context.putLong(PREFIX + "client.max-backoff-ms", client.maxBackoff().toMillis());
            context.putLong(PREFIX + "client.max-retry-after-ms", client.maxRetryAfter().toMillis());
            context.putDouble(PREFIX + "client.rate-limit", client.requestsPerSecond());
        }
    }

    static boolean present(ExecutionContext context) {
        return context.containsKey(PREFIX + "files");
    }

    /** The partition's import as the worker runs it, with the worker's own token. */
    static ImportSettings read(ExecutionContext context, ApiCredentials credentials) {
        List<Path> files = Arrays.stream(context.getString(PREFIX + "files").split("\n")).map(Path::of).toList();
        CsvOptions csv = new CsvOptions(context.getString(PREFIX + "delimiter").charAt(0),
                flag(context, "ignore-unknown-columns"), flag(context, "network-generates-ids"));
        String networkId = context.getString(PREFIX + "network-id");
        int concurrency = context.getInt(PREFIX + "concurrency");
        boolean dryRun = flag(context, "dry-run");
        ClientSettings client = null;
        if (!dryRun) {
            client = new ClientSettings(URI.create(context.getString(PREFIX + "client.url")), networkId, credentials,
                    AuthMode.valueOf(context.getString(PREFIX + "client.auth")),
                    Duration.ofMillis(context.getLong(PREFIX + "client.timeout-ms")),
                    context.getInt(PREFIX + "client.max-attempts"),
                    Duration.ofMillis(context.getLong(PREFIX + "client.initial-backoff-ms")),
                    Duration.ofMillis(context.getLong(PREFIX + "client.max-backoff-ms")),
                    Duration.ofMillis(context.getLong(PREFIX + "client.max-retry-after-ms")),
                    context.getDouble(PREFIX + "client.rate-limit"), concurrency);
        }
        return new ImportSettings(files, csv, context.getString(PREFIX + "api-url"), networkId, client, concurrency,
                context.getInt(PREFIX + "chunk-size"), context.getLong(PREFIX + "skip-limit"),
                context.getInt(PREFIX + "max-consecutive-failures"), dryRun, flag(context, "only-changed"), null,
                false);
    }

    private static boolean flag(ExecutionContext context, String key) {
        return Boolean.parseBoolean(context.getString(PREFIX + key));
    }
}
