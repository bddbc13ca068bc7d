package net.ringpool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What export refuses before it starts anything: each exits 2 with one line naming the problem. */
class ExportCommandTests {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path directory;

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private String[] export(String... more) {
        String[] base = {"export", "--api-url", "http://127.0.0.1:9", "--network-id", "1", "-o",
                directory.resolve("out.csv").toString()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void helpNamesTheSelectionOptionsAndTheExitCodes() {
        // when
        int code = run("export", "--help");

        // then
        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("--campaign=ADVERTISER/CAMPAIGN", "--campaigns-file=FILE", "--all",
                "--mapping=FILE", "--include-secrets", "--delimiter=CHAR", "--bom", "--concurrency=N", "Exit codes:",
                "  3  FILE was written, but some campaigns could not be read");
    }

    @Test
    void aCampaignMustBeChosenOneWay() {
        assertThat(run(export())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("Error: Missing required argument (specify one of these)");
        assertThat(run(export("--all", "--campaign", "1/100"))).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("mutually exclusive");
    }

    @Test
    void aMalformedCampaignIsAUsageError() {
        // when
        int code = run(export("--campaign", "1-100"));

        // then
        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).isEqualTo("error: --campaign '1-100' is not ADVERTISER/CAMPAIGN, e.g. 1/100"
                + System.lineSeparator());
    }

    @Test
    void aMappingWithAnUnknownColumnIsAUsageErrorNamingTheLine() throws Exception {
        // given
        Path mapping = directory.resolve("map.txt");
        Files.writeString(mapping, "Name=name\nSize=pool_size\n");

        // when
        int code = run(export("--all", "--mapping", mapping.toString()));

        // then
        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).startsWith("error: --mapping " + mapping + " line 2: 'pool_size' is not a column");
    }

    @Test
    void anOutputDirectoryThatDoesNotExistOrABadDelimiterIsAUsageError() {
        assertThat(run("export", "--api-url", "http://127.0.0.1:9", "--network-id", "1", "--all", "-o",
                directory.resolve("missing/out.csv").toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("error: the directory of -o ").contains("does not exist");
        assertThat(run(export("--all", "--delimiter", "\""))).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("error: --delimiter must be one character (or tab), not a quote");
        assertThat(ExportCommand.delimiter("tab")).isEqualTo('\t');
    }

    @Test
    void aMissingCampaignsFileIsAUsageError() {
        // when
        int code = run(export("--campaigns-file", directory.resolve("none.csv").toString()));

        // then
        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).startsWith("error: cannot read --campaigns-file ");
    }

    @Test
    void mappingTemplateListsEveryColumn() {
        // when
        int code = run("mapping", "template");

        // then
        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("\nadvertiser_id_from_network=advertiser_id_from_network\n")
                .contains("\nname=name\n").endsWith("api_key=api_key\n");
    }
}
