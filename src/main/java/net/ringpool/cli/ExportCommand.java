package net.ringpool.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import net.ringpool.client.ApiOptions;
import net.ringpool.client.ClientSettings;
import net.ringpool.db.DatabaseOptions;
import net.ringpool.exporting.CampaignRef;
import net.ringpool.exporting.CampaignSelection;
import net.ringpool.exporting.CampaignsFile;
import net.ringpool.exporting.ExportLauncher;
import net.ringpool.exporting.ExportSettings;
import net.ringpool.exporting.ExportSummary;
import net.ringpool.pool.ColumnMapping;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Spring Batch job: reads the RingPools of the chosen campaigns from the API and writes them to "
                        + "one CSV file in the layout that `import` reads, or in your own layout with --mapping.",
                "",
                "Rows come in a stable order: advertiser, campaign, id_from_network (ids of digits in numeric "
                        + "order). Every column is written, the read-only ones included; api_key stays empty unless "
                        + "--include-secrets. A cell that a spreadsheet would run as a formula gets a leading '.",
                "",
                "The file is written under a temporary name next to FILE and moved into place only when the export "
                        + "completes, so a failed export leaves FILE as it was. The API token comes from "
                        + "$INVOCA_API_TOKEN or --token-file.",
                ""},
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  every campaign was exported",
                "  1  the export failed or stopped (API unreachable or unavailable, token",
                "     refused, database down); FILE was not touched; run the command again",
                "  2  usage error or unusable input (bad option, unreadable --campaigns-file",
                "     or --mapping); nothing was sent",
                "  3  FILE was written, but some campaigns could not be read (404, retries",
                "     ran out); the summary names them and the job database records the",
                "     outcome of every campaign"})
class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.csv",
            description = "The CSV file to write; replaced when the export completes.")
    Path output;

    @ArgGroup(exclusive = true, multiplicity = "1", heading = "%nCampaigns to export (one of):%n")
    Selection selection;

    static class Selection {
        @Option(names = "--campaign", paramLabel = "ADVERTISER/CAMPAIGN",
                description = "A campaign by the network's ids of advertiser and campaign, e.g. 1/100; repeatable.")
        List<String> campaigns;

        @Option(names = "--campaigns-file", paramLabel = "FILE",
                description = "A CSV file with the columns advertiser_id_from_network and "
                        + "advertiser_campaign_id_from_network (other columns are ignored, so an earlier export serves).")
        Path campaignsFile;

        @Option(names = "--all", description = "Every campaign of every advertiser of the network.")
        boolean all;
    }

    @ArgGroup(exclusive = false, heading = "%nOutput:%n")
    Output file = new Output();

    static class Output {
        @Option(names = "--mapping", paramLabel = "FILE",
                description = "Write your own layout: lines of `Your Header=our_column`; only the listed columns, "
                        + "in the listed order. `mapping template` prints a starting file.")
        Path mapping;

        @Option(names = "--delimiter", defaultValue = ",", paramLabel = "CHAR",
                description = "Field delimiter, e.g. ';' for spreadsheet locales that use semicolons, or tab "
                        + "(default: ${DEFAULT-VALUE}).")
        String delimiter;

        @Option(names = "--bom", description = "Start the file with a UTF-8 byte-order mark, for spreadsheets that need one.")
        boolean byteOrderMark;

        @Option(names = "--include-secrets",
                description = "Write each pool's api_key (its number-allocation secret); the file is then readable by its owner only.")
        boolean includeSecrets;
    }

    @Option(names = "--concurrency", defaultValue = "4", paramLabel = "N",
            description = "Campaigns read from the API at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--progress", defaultValue = "10", paramLabel = "SECONDS",
            description = "Print a progress line on stderr at most this often; 0 for none (default: ${DEFAULT-VALUE}).")
    int progressSeconds;

    @Mixin
    ApiOptions api;

    @Mixin
    DatabaseOptions database;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExportSettings settings = settings();
        List<String> missing = settings.mapping().missingForImport();
        if (!missing.isEmpty()) {
            err.println("warning: the mapping leaves out " + String.join(", ", missing)
                    + "; the file cannot be imported back as it is");
        }
        ExportSummary summary = ExportLauncher.run(settings,
                database.springPropertiesForOneRun(Invocation.current().environment()), err, common.debug());
        summary.print(out, err);
        return summary.exitCode();
    }

    private ExportSettings settings() {
        if (concurrency < 1 || concurrency > 64) {
            throw new UsageException("--concurrency must be from 1 to 64");
        }
        if (progressSeconds < 0) {
            throw new UsageException("--progress cannot be negative");
        }
        char delimiter = delimiter(file.delimiter);
        Path target = checkOutput(output);
        ColumnMapping mapping = mapping(file.mapping);
        CampaignSelection chosen = selection(mapping);
        ClientSettings client = api.settings(concurrency, Invocation.current().environment());
        return new ExportSettings(client, chosen, target, mapping, delimiter, file.byteOrderMark, file.includeSecrets,
                concurrency, Duration.ofSeconds(progressSeconds));
    }

    static char delimiter(String text) {
        if (text.equalsIgnoreCase("tab") || text.equals("\\t")) {
            return '\t';
        }
        if (text.length() != 1 || "\"\r\n".contains(text)) {
            throw new UsageException("--delimiter must be one character (or tab), not a quote or line break");
        }
        return text.charAt(0);
    }

    private static Path checkOutput(Path output) {
        Path target = output.toAbsolutePath().normalize();
        Path directory = target.getParent();
        if (Files.isDirectory(target)) {
            throw new UsageException("-o " + output + " is a directory; name the CSV file to write");
        }
        if (directory == null || !Files.isDirectory(directory)) {
            throw new UsageException("the directory of -o " + output + " does not exist");
        }
        if (!Files.isWritable(directory)) {
            throw new UsageException("cannot write to the directory of -o " + output);
        }
        return target;
    }

    private static ColumnMapping mapping(Path file) {
        if (file == null) {
            return ColumnMapping.identity();
        }
        try {
            return ColumnMapping.parse(file);
        } catch (IOException e) {
            throw new UsageException("cannot read --mapping " + file);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--mapping " + e.getMessage());
        }
    }

    private CampaignSelection selection(ColumnMapping mapping) {
        if (selection.all) {
            return new CampaignSelection.WholeNetwork();
        }
        if (selection.campaignsFile != null) {
            try {
                return CampaignsFile.read(selection.campaignsFile, mapping);
            } catch (IOException e) {
                throw new UsageException("cannot read --campaigns-file " + selection.campaignsFile);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--campaigns-file " + e.getMessage());
            }
        }
        List<CampaignRef> campaigns = new ArrayList<>();
        for (String campaign : selection.campaigns) {
            try {
                campaigns.add(CampaignRef.parse(campaign));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--campaign " + e.getMessage());
            }
        }
        return new CampaignSelection.Listed(campaigns, "--campaign");
    }
}
