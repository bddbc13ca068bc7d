package net.ringpool.cli;

import java.io.PrintWriter;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import net.ringpool.api.FaultSettings;
import net.ringpool.api.RingPoolServer;
import net.ringpool.api.ServeSettings;
import net.ringpool.client.ApiCredentials;
import net.ringpool.client.AuthMode;
import net.ringpool.client.ClientSettings;
import net.ringpool.db.DatabaseOptions;
import net.ringpool.exporting.CampaignSelection;
import net.ringpool.exporting.ExportLauncher;
import net.ringpool.exporting.ExportSettings;
import net.ringpool.exporting.ExportSummary;
import net.ringpool.importing.ImportOutput;
import net.ringpool.importing.ImportReport;
import net.ringpool.importing.ImportSettings;
import net.ringpool.importing.Importer;
import net.ringpool.pool.ColumnMapping;
import net.ringpool.report.AuditService;
import net.ringpool.report.ReportApplication;
import net.ringpool.report.ReportFormat;
import net.ringpool.report.ReportWriter;
import net.ringpool.sample.SampleData;

import org.apache.commons.csv.CSVFormat;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "A tour that needs nothing set up: serve, import, export, re-import, report.",
                "",
                "Starts the RingPools API (serve) in-process on a free port with the",
                "embedded database under ./.ringpool/ and a generated token, imports the",
                "sample files (sample-data/, or the copies bundled in the jar) and shows",
                "what happened to every row; exports every pool of the network to a CSV,",
                "imports that export again with --only-changed (every row UNCHANGED,",
                "nothing sent) and prints the audit report of the first import.",
                ""})
class DemoCommand implements Callable<Integer> {

    static final String NETWORK = "1234";
    private static final int SHOWN_ERRORS = 15;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Object> db = database.springProperties();
        String token = UUID.randomUUID().toString();
        List<Path> files = SampleData.files(Path.of("sample-data"), Path.of(".ringpool", "sample-data"));
        int exitCode = ExitCode.OK;
        Long firstImport = null;
        try (RingPoolServer server = RingPoolServer.start(0, "127.0.0.1",
                new ServeSettings(Map.of(token, NETWORK), Set.of(), false, FaultSettings.none()), db, common.debug())) {
            out.printf("RingPools API (serve) listening on %s for network %s, database %s%n%n", server.baseUrl(),
                    NETWORK, db.get("spring.datasource.url"));
            for (Path file : files) {
                out.printf("$ ringpool-batch import %s --api-url %s --network-id %s%n", file, server.baseUrl(), NETWORK);
                out.flush();
                ImportReport report = Importer.run(settings(file, server, token), db, common.debug(),
                        new ImportOutput(err, false));
                report.summary().forEach(out::println);
                if (report.failure() != null) {
                    out.println("  " + report.failure());
                    exitCode = ExitCode.FAILED;
                }
                showErrors(out, report.errorsFile());
                out.printf("  exit code %d%n%n", report.exitCode());
                firstImport = firstImport == null ? report.jobExecutionId() : firstImport;
            }
            exitCode = Math.max(exitCode, roundTrip(out, err, server, token, db));
            // while serve still holds connections: an in-memory H2 database ends with its last connection
            if (firstImport != null) {
                out.printf("$ ringpool-batch report %d%n", firstImport);
                out.flush();
                try (ConfigurableApplicationContext context = SpringLauncher.start(ReportApplication.class,
                        WebApplicationType.NONE, db, ctx -> { }, common.debug())) {
                    context.getBean(AuditService.class).execution(firstImport)
                            .ifPresent(report -> ReportWriter.of(ReportFormat.TEXT).write(report, out));
                }
                out.println();
            }
        }
        out.println("Every row above has one outcome in the job database (table ringpool_row_outcome) and in the");
        out.println("outcomes.csv named above; fix the rows of errors.csv and import it again. Your own files:");
        out.println("  INVOCA_API_TOKEN=... java -jar target/ringpool-batch.jar import FILE.csv --api-url URL --network-id N");
        out.flush();
        return exitCode;
    }

    /** Export every pool of the network, then feed the export back with --only-changed: nothing to send. */
    private int roundTrip(PrintWriter out, PrintWriter err, RingPoolServer server, String token,
            Map<String, Object> db) throws Exception {
        Path exported = Path.of("out", "demo-export.csv");
        Files.createDirectories(exported.getParent());
        out.printf("$ ringpool-batch export --all -o %s --api-url %s --network-id %s%n", exported, server.baseUrl(),
                NETWORK);
        out.flush();
        ExportSummary export = ExportLauncher.run(new ExportSettings(client(server, token), new CampaignSelection.WholeNetwork(),
                exported, ColumnMapping.identity(), ',', false, false, 8, Duration.ZERO), db, err, common.debug());
        export.print(out, err);
        out.println();
        out.printf("$ ringpool-batch import %s --only-changed --api-url %s --network-id %s%n", exported,
                server.baseUrl(), NETWORK);
        out.flush();
        ImportSettings reimport = settings(exported, server, token);
        ImportReport report = Importer.run(new ImportSettings(reimport.files(), reimport.csv(), reimport.apiUrl(),
                reimport.networkId(), reimport.client(), reimport.concurrency(), reimport.chunkSize(),
                reimport.skipLimit(), reimport.maxConsecutiveFailures(), false, true, null, false), db,
                common.debug(), new ImportOutput(err, false));
        report.summary().forEach(out::println);
        out.printf("  exit code %d%n%n", report.exitCode());
        return Math.max(export.exitCode(), report.exitCode());
    }

    private static ClientSettings client(RingPoolServer server, String token) {
        return new ClientSettings(URI.create(server.baseUrl()), NETWORK, ApiCredentials.of(token),
                AuthMode.HEADER, Duration.ofSeconds(30), 5, Duration.ofMillis(200), Duration.ofSeconds(30),
                Duration.ofSeconds(120), 0, 16);
    }

    private static ImportSettings settings(Path file, RingPoolServer server, String token) {
        ClientSettings client = new ClientSettings(URI.create(server.baseUrl()), NETWORK, ApiCredentials.of(token),
                AuthMode.HEADER, Duration.ofSeconds(30), 5, Duration.ofMillis(200), Duration.ofSeconds(30),
                Duration.ofSeconds(120), 0, ImportSettings.DEFAULT_CONCURRENCY);
        return ImportSettings.defaults(List.of(file), server.baseUrl(), NETWORK, client);
    }

    /** The first rows of errors.csv: line, status and message. */
    private static void showErrors(PrintWriter out, Path errors) throws Exception {
        if (errors == null || !Files.exists(errors)) {
            return;
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(errors, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, format)) {
            int shown = 0;
            for (CSVRecord record : parser) {
                if (shown++ == SHOWN_ERRORS) {
                    out.println("    …");
                    break;
                }
                out.printf("    line %-3s %-8s %s%n", record.get("outcome_line"), record.get("outcome_status"),
                        record.get("outcome_message"));
            }
        }
    }
}
