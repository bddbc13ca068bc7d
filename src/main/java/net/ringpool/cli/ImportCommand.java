package net.ringpool.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import net.ringpool.client.ApiOptions;
import net.ringpool.client.ClientSettings;
import net.ringpool.db.DatabaseOptions;
import net.ringpool.importing.CsvOptions;
import net.ringpool.importing.ImportBlockedException;
import net.ringpool.importing.ImportOutput;
import net.ringpool.importing.ImportReport;
import net.ringpool.importing.ImportSettings;
import net.ringpool.importing.Importer;
import net.ringpool.pool.ColumnMapping;
import net.ringpool.importing.Partitioning;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Imports RingPools from CSV files into the API (a Spring Batch job).",
                "",
                "Every row is validated, sent as its action column asks (upsert by",
                "default, create, update, delete) and gets exactly one outcome: CREATED,",
                "UPDATED, UNCHANGED, DELETED, INVALID, REJECTED or FAILED. Outcomes go to",
                "the job database and to DIR/outcomes.csv and DIR/errors.csv (the rows",
                "that did not succeed, ready to be fixed and imported again). Every",
                "file's header is checked before anything is sent. The token comes from",
                "$INVOCA_API_TOKEN or --token-file, never from the command line.",
                "",
                "Resuming: when a run fails, stops or is killed, the same command resumes",
                "it from its last committed chunk; rows already recorded are not sent",
                "again. After a completed run, the same command is a new run.",
                "",
                "Exit codes: 0 every row succeeded or was unchanged; 1 the job failed or",
                "stopped (API down, token refused, skip limit passed, database down): run",
                "the same command to resume; 2 unusable input or options, nothing sent;",
                "3 completed, but some rows ended INVALID, REJECTED or FAILED.",
                ""},
        footer = {"", "Example:",
                "  export INVOCA_API_TOKEN=...",
                "  ringpool-batch import pools.csv --api-url https://invoca.net \\",
                "      --network-id 1234 --skip-limit 100"})
class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "CSV files of RingPools, imported in this order as one run.")
    List<Path> files;

    @Mixin
    ApiOptions api;

    @Option(names = "--concurrency", defaultValue = "" + ImportSettings.DEFAULT_CONCURRENCY, paramLabel = "N",
            description = "Requests in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--chunk-size", defaultValue = "" + ImportSettings.DEFAULT_CHUNK_SIZE, paramLabel = "N",
            description = "Rows per transaction of outcomes and progress; a resumed run re-sends at most one chunk (default: ${DEFAULT-VALUE}).")
    int chunkSize;

    @Option(names = "--skip-limit", paramLabel = "N",
            description = "Stop (exit 1, resumable) once more than N rows of the run ended INVALID, REJECTED or FAILED (default: no limit).")
    Long skipLimit;

    @Option(names = "--max-consecutive-failures", defaultValue = "" + ImportSettings.DEFAULT_MAX_CONSECUTIVE_FAILURES,
            paramLabel = "N",
            description = "Stop (exit 1, resumable) when N rows in a row fail after every retry: the API is down (default: ${DEFAULT-VALUE}).")
    int maxConsecutiveFailures;

    @Option(names = "--dry-run", description = "Validate every row and write the outcome files without sending anything (valid rows end VALID).")
    boolean dryRun;

    @Option(names = "--only-changed",
            description = "Read the current pools of the file's campaigns first and send only rows that differ; the others end UNCHANGED.")
    boolean onlyChanged;

    @Option(names = "--out", paramLabel = "DIR", description = "Where outcomes.csv and errors.csv go (default: ./out/<job execution id>/).")
    Path out;

    @Option(names = "--delimiter", defaultValue = ",", paramLabel = "CHAR",
            description = "Cell separator, e.g. ';' for spreadsheets of semicolon locales, or tab (default: ${DEFAULT-VALUE}).")
    String delimiter;

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "Read files in a customer's own layout: lines 'Their Header=our_column' (see `mapping template`); the same file `export --mapping` writes with.")
    Path mapping;

    @Option(names = "--ignore-unknown-columns", description = "Import files with columns the layout does not know, ignoring those columns.")
    boolean ignoreUnknownColumns;

    @Option(names = "--network-generates-ids",
            description = "The network creates id_from_network itself: the column is optional, and rows without it are POSTed to their campaign (creating a new pool each time).")
    boolean networkGeneratesIds;

    @Option(names = "--recover",
            description = "Resume a run recorded as still running on another host whose process is gone (on this host that is detected by itself).")
    boolean recover;

    @Option(names = "--partitions", defaultValue = "0", paramLabel = "N",
            description = "Split the input into N partitions by campaign (and line ranges of large campaigns) and run them side by side: on a thread pool here, or with --remote on workers (default: one step, no partitions).")
    int partitions;

    @Option(names = "--remote",
            description = "Send the partitions to `worker` processes through --broker; the input must be an absolute path every worker can read (a shared filesystem), and --db a database they share.")
    boolean remote;

    @Mixin
    BrokerOptions broker;

    @Option(names = "--partition-timeout", defaultValue = "300", paramLabel = "SECONDS",
            description = "With --remote: fail a partition whose worker committed nothing for this long (killed?), or that no worker listened for; the run then ends restartable (default: ${DEFAULT-VALUE}).")
    int partitionTimeoutSeconds;

    @Mixin
    DatabaseOptions database;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        ImportSettings settings = settings();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImportReport report;
        try {
            Invocation invocation = Invocation.current();
            report = Importer.run(settings, database.springPropertiesForOneRun(invocation.environment()),
                    common.debug(), new ImportOutput(err, invocation.console()));
        } catch (ImportBlockedException blocked) {
            err.println("error: " + blocked.getMessage());
            err.flush();
            return ExitCode.FAILED;
        } catch (RuntimeException failed) {
            String problem = databaseProblem(failed);
            if (problem == null) {
                throw failed;
            }
            err.println("error: the job database " + databaseUrl() + " cannot be used: " + problem);
            if (common.debug()) {
                failed.printStackTrace(err);
            }
            err.flush();
            return ExitCode.FAILED;
        }
        report.summary().forEach(out::println);
        out.flush();
        if (report.failure() != null) {
            err.println("error: " + report.failure());
            err.flush();
        }
        return report.exitCode();
    }

    /** The first line of the deepest cause when the failure comes from the database, else null. */
    static String databaseProblem(Throwable failure) {
        boolean fromDatabase = false;
        Throwable root = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            fromDatabase |= cause instanceof SQLException || cause.getClass().getName().startsWith("org.flywaydb.");
            root = cause;
        }
        if (!fromDatabase) {
            return null;
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.strip().lines().findFirst().orElse(message);
    }

    ImportSettings settings() {
        if (concurrency < 1 || chunkSize < 1 || maxConsecutiveFailures < 1) {
            throw new UsageException("--concurrency, --chunk-size and --max-consecutive-failures must be at least 1");
        }
        if (skipLimit != null && skipLimit < 0) {
            throw new UsageException("--skip-limit cannot be negative");
        }
        if (dryRun && onlyChanged) {
            throw new UsageException("--dry-run and --only-changed cannot be combined: a dry run does not contact the API");
        }
        if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException("--out " + out + " is a file, not a directory");
        }
        Partitioning partitioning = partitioning();
        ClientSettings client = dryRun ? null : api.settings(concurrency, Invocation.current().environment());
        return new ImportSettings(files, new CsvOptions(delimiter(), ignoreUnknownColumns, networkGeneratesIds, mapping()),
                api.apiUrl(), api.networkId(), client, concurrency, chunkSize, skipLimit == null ? -1 : skipLimit,
                maxConsecutiveFailures, dryRun, onlyChanged, out, recover, partitioning);
    }

    private Partitioning partitioning() {
        if (partitions < 0 || partitions > 1000) {
            throw new UsageException("--partitions must be between 1 and 1000");
        }
        if (mapping != null && partitions > 0) {
            // partition steps rebuild the CSV options from the step context, which does not carry a mapping yet
            throw new UsageException("--mapping cannot be combined with --partitions yet; import the file unpartitioned");
        }
        if (!remote) {
            return partitions == 0 ? Partitioning.NONE
                    : new Partitioning(partitions, null, Partitioning.DEFAULT_QUEUE, Duration.ofSeconds(300));
        }
        if (partitions == 0) {
            throw new UsageException("--remote needs --partitions N: the number of partitions to hand to the workers");
        }
        if (partitionTimeoutSeconds < 1) {
            throw new UsageException("--partition-timeout must be at least 1 second");
        }
        for (Path file : files) {
            if (!file.isAbsolute()) {
                throw new UsageException(file + ": with --remote every FILE must be an absolute path on a filesystem "
                        + "the workers share (they read it at the same path), e.g. " + file.toAbsolutePath());
            }
        }
        if (String.valueOf(databaseUrl()).startsWith("jdbc:h2:")) {
            throw new UsageException("--remote needs a job database the workers share: --db (or $RINGPOOL_DB_URL)");
        }
        return new Partitioning(partitions, broker.brokerUri(), broker.queue(),
                Duration.ofSeconds(partitionTimeoutSeconds));
    }

    private Object databaseUrl() {
        return database.springProperties(Invocation.current().environment()).get("spring.datasource.url");
    }

    private ColumnMapping mapping() {
        if (mapping == null) {
            return ColumnMapping.identity();
        }
        try {
            return ColumnMapping.parse(mapping);
        } catch (java.io.IOException e) {
            throw new UsageException("cannot read --mapping " + mapping);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--mapping " + e.getMessage());
        }
    }

    private char delimiter() {
        String value = delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t") ? "\t" : delimiter;
        if (value.length() != 1 || value.equals("\"") || value.equals("\r") || value.equals("\n")) {
            throw new UsageException("--delimiter must be one character other than a quote or a line break, e.g. ';' or tab");
        }
        return value.charAt(0);
    }
}
