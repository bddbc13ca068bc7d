package net.ringpool.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.ringpool.api.FaultSettings;
import net.ringpool.api.RingPoolServer;
import net.ringpool.api.ServeSettings;
import net.ringpool.pool.CsvLayout;
import net.ringpool.support.CommandLine;
import net.ringpool.support.TestDatabase;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spreadsheet round trip: import, export, import the export with --only-changed. Nothing is lost
 * or mangled, and the second import writes nothing; in our layout and in a customer's own (--mapping).
 */
class RoundTripFunctionalTests {

    private static final String NETWORK = "8801";
    private static final String MAPPED_NETWORK = "8802";
    private static final String TOKEN = "mapping-round-trip-token";

    @TempDir
    Path dir;

    @Test
    void everyCellOfOurLayoutComesBackAsItWasAndTheReimportWritesNothing() throws Exception {
        // given: every writable column, hostile text, a Local RingPool, empty and white-space-only cells
        String header = "advertiser_id_from_network,advertiser_campaign_id_from_network,id_from_network,name,"
                + "pool_type,destination_type,destination_url,tracking_url,lifetime_seconds,max_pool_size,preferred,"
                + "is_first_preference,param1,param2,param3,param4,param5,param6,param7,param8,param9,param10,"
                + "local_center_tn_prefix,local_center_zipcode,local_center_latitude,local_center_longitude,"
                + "tn_prefix_whitelist";
        Path sheet = Files.writeString(dir.resolve("pools.csv"), String.join("\r\n", header,
                "a-1,c-9,r-1,\"Sale, \"\"quoted\"\"\",Custom,Advertiser,https://x.example/a?b=1,,1800,3,true,false,"
                        + "'=cmd(),'-x,'@y,\"line1\nline2\",naïve 🎉,   ,,,,,805,,,,805|212",
                "a-1,c-9,r-2,Ünïcödé 名前,Search,API,,https://t.example/t,0,1,false,true,'+1,,,,,,,,,,,93101,,,",
                "a-2,c-1,r-3,Geo,ReferralDomain,Advertiser,,,,,,,p,,,,,,,,,,,,34.42,-119.7,",
                ""), StandardCharsets.UTF_8);
        Path token = Files.writeString(dir.resolve("token"), TOKEN);
        try (RingPoolServer server = RingPoolServer.start(0, "127.0.0.1",
                new ServeSettings(Map.of(TOKEN, NETWORK), Set.of(), false, FaultSettings.none()),
                ImportFixtures.countingServe(), false)) {
            String[] api = {"--api-url", server.baseUrl(), "--network-id", NETWORK, "--token-file", token.toString()};

            // when
            CommandLine.Result imported = run(api, "import", sheet.toString(), "--out", dir.resolve("o1").toString());
            Path exported = dir.resolve("export.csv");
            CommandLine.Result export = run(api, "export", "--all", "-o", exported.toString());
            long writesBefore = ImportFixtures.writeRequests(server, NETWORK);
            CommandLine.Result reimported = run(api, "import", exported.toString(), "--only-changed", "--out",
                    dir.resolve("o2").toString());

            // then
            assertThat(imported.exitCode()).as(imported.toString()).isZero();
            assertThat(export.exitCode()).as(export.toString()).isZero();
            assertThat(reimported.exitCode()).as(reimported.toString()).isZero();
            assertThat(reimported.out()).contains("3 UNCHANGED");
            assertThat(ImportFixtures.writeRequests(server, NETWORK)).isEqualTo(writesBefore);
            List<Map<String, String>> in = byColumn(sheet, ',');
            List<Map<String, String>> out = byColumn(exported, ',');
            assertThat(out).hasSameSizeAs(in);
            for (int row = 0; row < in.size(); row++) {
                for (Map.Entry<String, String> cell : in.get(row).entrySet()) {
                    assertThat(out.get(row).get(cell.getKey())).as("row %d, %s", row + 2, cell.getKey())
                            .isEqualTo(cell.getValue());
                }
                assertThat(out.get(row).get("object_url")).startsWith(server.baseUrl());
                assertThat(out.get(row).get("api_key")).isEmpty();
            }
        }
    }

    @Test
    void aSheetInTheCustomersColumnsComesBackInTheirColumnsUnchanged() throws Exception {
        // given: their columns, renamed and reordered, with hostile cells; semicolons as in their locale
        Path mapping = Files.writeString(dir.resolve("layout.mapping"), """
                # the customer's sheet
                Pool Name=name
                Campaign=advertiser_campaign_id_from_network
                Pool ID=id_from_network
                Advertiser=advertiser_id_from_network
                Type=pool_type
                Destination=destination_type
                Size=max_pool_size
                Notes=param1
                Whitelist=tn_prefix_whitelist
                """);
        Path sheet = Files.writeString(dir.resolve("sheet.csv"), String.join("\r\n",
                "Pool Name;Campaign;Pool ID;Advertiser;Type;Destination;Size;Notes;Whitelist",
                "\"Spring; \"\"big\"\" sale\";c-1;m-1;a-1;Search;Advertiser;3;\"line one\nline two\";805|212",
                "'=SUM(A1);c-1;m-2;a-1;Custom;API;;'+1 naïve 🎉;",
                "Plain;c-2;m-3;a-1;SearchKeyword;Advertiser;7;   ;",
                ""), StandardCharsets.UTF_8);
        Path token = Files.writeString(dir.resolve("token"), TOKEN);
        try (RingPoolServer server = RingPoolServer.start(0, "127.0.0.1",
                new ServeSettings(Map.of(TOKEN, MAPPED_NETWORK), Set.of(), false, FaultSettings.none()),
                ImportFixtures.countingServe(), false)) {
            String[] api = {"--api-url", server.baseUrl(), "--network-id", MAPPED_NETWORK, "--token-file", token.toString(),
                    "--mapping", mapping.toString(), "--delimiter", ";"};

            // when: import their sheet, export it in their layout, import the export with --only-changed
            CommandLine.Result imported = run(api, "import", sheet.toString(), "--out", dir.resolve("out1").toString());
            Path exported = dir.resolve("export.csv");
            CommandLine.Result export = run(api, "export", "--all", "-o", exported.toString());
            long writesBefore = ImportFixtures.writeRequests(server, MAPPED_NETWORK);
            CommandLine.Result reimported = run(api, "import", exported.toString(), "--only-changed", "--out",
                    dir.resolve("out2").toString());

            // then
            assertThat(imported.exitCode()).as(imported.toString()).isZero();
            assertThat(imported.out()).contains("3 CREATED");
            assertThat(export.exitCode()).as(export.toString()).isZero();
            assertThat(reimported.exitCode()).as(reimported.toString()).isZero();
            assertThat(reimported.out()).contains("3 UNCHANGED");
            assertThat(ImportFixtures.writeRequests(server, MAPPED_NETWORK)).isEqualTo(writesBefore);
            List<CSVRecord> in = records(sheet);
            List<CSVRecord> out = records(exported);
            assertThat(out.get(0).toList()).isEqualTo(in.get(0).toList());
            for (int row = 1; row < in.size(); row++) {
                List<String> expected = restored(in.get(row));
                assertThat(restored(out.get(row))).as("row %d", row).isEqualTo(expected);
            }
        }
    }

    @Test
    void aHeaderTheMappingDoesNotNameIsRefusedBeforeAnythingIsSent() throws IOException {
        Path mapping = Files.writeString(dir.resolve("m"), """
                A=advertiser_id_from_network
                C=advertiser_campaign_id_from_network
                I=id_from_network
                Pool=name
                T=pool_type
                D=destination_type
                """);
        // "name" spells one of our columns, but this layout calls it "Pool"
        Path sheet = Files.writeString(dir.resolve("s.csv"), "A,C,I,Pool,T,D,name\na,c,i,x,Search,API,y\n");

        CommandLine.Result result = CommandLine.run("import", sheet.toString(), "--api-url", "http://127.0.0.1:1",
                "--network-id", NETWORK, "--mapping", mapping.toString(), "--dry-run", "--db", TestDatabase.postgresUrl(),
                "--db-user", TestDatabase.postgresUser());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown column name").doesNotContain("Exception");
    }

    private static CommandLine.Result run(String[] api, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(api));
        all.addAll(List.of(TestDatabase.postgresOptions()));
        return CommandLine.run(all.toArray(String[]::new));
    }

    /** Records as column to cell, formula guards taken off and line ends normalised. */
    private static List<Map<String, String>> byColumn(Path file, char delimiter) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<Map<String, String>> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true).get();
        for (CSVRecord record : CSVParser.parse(text, format)) {
            Map<String, String> row = new java.util.LinkedHashMap<>();
            record.toMap().forEach((column, cell) -> row.put(column, CsvLayout.restore(cell).replace("\r\n", "\n")));
            rows.add(row);
        }
        return rows;
    }

    private static List<CSVRecord> records(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
        return CSVParser.parse(text, CSVFormat.RFC4180.builder().setDelimiter(';').get()).getRecords();
    }

    /** What the cells mean once a spreadsheet's formula guard is taken off; line ends are the file's own. */
    private static List<String> restored(CSVRecord record) {
        return record.toList().stream().map(CsvLayout::restore).map(cell -> cell.replace("\r\n", "\n")).toList();
    }
}
