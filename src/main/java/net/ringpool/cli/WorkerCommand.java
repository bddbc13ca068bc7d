package net.ringpool.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import net.ringpool.client.ApiCredentials;
import net.ringpool.db.DatabaseOptions;
import net.ringpool.importing.ImportSettings;
import net.ringpool.importing.Worker;
import net.ringpool.importing.WorkerSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "worker", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Runs partitions of remote imports (import --partitions N --remote) until",
                "stopped: takes partition requests from the RabbitMQ queue and runs them",
                "against the shared job database, on this or any other machine.",
                "",
                "The import's settings come with the partition; the API token does not:",
                "every worker reads its own from $INVOCA_API_TOKEN or --token-file. The",
                "input files must be readable here at the absolute path the import",
                "recorded (a shared filesystem); a partition whose input is not",
                "readable fails, and the import reports it.",
                ""},
        footer = {"", "Example:",
                "  export INVOCA_API_TOKEN=...",
                "  ringpool-batch worker --broker amqp://user:pass@mq:5672 \\",
                "      --db jdbc:postgresql://db:5432/ringpool --db-user ringpool"})
class WorkerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    BrokerOptions broker;

    @Option(names = "--token-file", paramLabel = "PATH",
            description = "File holding the API token (default: $INVOCA_API_TOKEN). Never pass the token itself on the command line.")
    Path tokenFile;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
            description = "Partitions run at once by this worker (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--chunk-size", defaultValue = "" + ImportSettings.DEFAULT_CHUNK_SIZE, paramLabel = "N",
            description = "Rows per transaction of outcomes and progress (default: ${DEFAULT-VALUE}).")
    int chunkSize;

    @Mixin
    DatabaseOptions database;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        if (threads < 1 || chunkSize < 1) {
            throw new UsageException("--threads and --chunk-size must be at least 1");
        }
        Map<String, Object> db = database.springProperties();
        if (String.valueOf(db.get("spring.datasource.url")).startsWith("jdbc:h2:")) {
            throw new UsageException("a worker needs the job database the import uses: --db (or $RINGPOOL_DB_URL)");
        }
        WorkerSettings settings = new WorkerSettings(broker.brokerUri(), broker.queue(),
                ApiCredentials.load(tokenFile, System.getenv()), chunkSize, threads);
        Worker.run(settings, db, common.debug(), () -> {
            spec.commandLine().getErr().println("worker listening on queue " + settings.queue() + " at "
                    + settings.broker().getHost() + ":" + settings.broker().getPort());
            spec.commandLine().getErr().flush();
        });
        return ExitCode.OK;
    }
}
