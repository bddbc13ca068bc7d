package net.ringpool.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColumnMappingTests {

    @Test
    void mapsTheirHeadersToOursInTheirOrder() {
        // given
        List<String> lines = List.of(
                "# a customer's layout",
                "",
                "Pool Name = name",
                "Campaign=advertiser_campaign_id_from_network",
                "  Advertiser=ADVERTISER_ID_FROM_NETWORK  ",
                "Pool ID=id_from_network");

        // when
        ColumnMapping mapping = ColumnMapping.parse(lines, "layout.txt");

        // then
        assertThat(mapping.theirHeaders()).containsExactly("Pool Name", "Campaign", "Advertiser", "Pool ID");
        assertThat(mapping.ourColumns()).containsExactly("name", "advertiser_campaign_id_from_network",
                "advertiser_id_from_network", "id_from_network");
        assertThat(mapping.toOurs("pool name")).contains("name");
        assertThat(mapping.toOurs("  CAMPAIGN ")).contains("advertiser_campaign_id_from_network");
        assertThat(mapping.toOurs("name")).isEmpty();
        assertThat(mapping.toTheirs("id_from_network")).contains("Pool ID");
        assertThat(mapping.toTheirs("param1")).isEmpty();
    }

    @Test
    void aHeaderMayHoldAnEqualsSignBecauseOurColumnsNeverDo() {
        // when
        ColumnMapping mapping = ColumnMapping.parse(List.of("Size (a=b)=max_pool_size"), "m");

        // then
        assertThat(mapping.toOurs("Size (a=b)")).contains("max_pool_size");
    }

    @Test
    void tellsWhichColumnsImportWouldMiss() {
        // given
        ColumnMapping mapping = ColumnMapping.parse(List.of("Pool Name=name", "Campaign=advertiser_campaign_id_from_network"), "m");

        // then
        assertThat(mapping.missingForImport()).containsExactly("advertiser_id_from_network", "pool_type",
                "destination_type", "id_from_network");
        assertThat(ColumnMapping.identity().missingForImport()).isEmpty();
    }

    @Test
    void refusesUnknownColumnsDuplicatesAndMalformedLinesNamingTheLine() {
        assertThatThrownBy(() -> ColumnMapping.parse(List.of("Name=name", "Pool=pool_name"), "m.txt"))
                .hasMessageStartingWith("m.txt line 2: 'pool_name' is not a column of the CSV layout");
        assertThatThrownBy(() -> ColumnMapping.parse(List.of("Name=name", "NAME=param1"), "m.txt"))
                .hasMessage("m.txt line 2: the header 'NAME' is already mapped on line 1");
        assertThatThrownBy(() -> ColumnMapping.parse(List.of("Name=name", "Title=name"), "m.txt"))
                .hasMessage("m.txt line 2: the column 'name' is already mapped on line 1");
        assertThatThrownBy(() -> ColumnMapping.parse(List.of("just a header"), "m.txt"))
                .hasMessageStartingWith("m.txt line 1: expected Their Header=our_column");
        assertThatThrownBy(() -> ColumnMapping.parse(List.of(" =name"), "m.txt"))
                .hasMessage("m.txt line 1: the header before '=' is empty");
        assertThatThrownBy(() -> ColumnMapping.parse(List.of("=Total=name"), "m.txt"))
                .hasMessageContaining("which a spreadsheet would run as a formula");
        assertThatThrownBy(() -> ColumnMapping.parse(List.of("# only comments"), "m.txt"))
                .hasMessage("m.txt: the mapping maps no column");
    }

    @Test
    void theTemplateParsesToOurOwnLayout(@TempDir Path directory) throws IOException {
        // given
        Path file = directory.resolve("template.txt");
        Files.writeString(file, "\uFEFF" + ColumnMapping.template(), StandardCharsets.UTF_8);

        // when
        ColumnMapping mapping = ColumnMapping.parse(file);

        // then
        assertThat(mapping.ourColumns()).isEqualTo(CsvLayout.columns());
        assertThat(mapping.theirHeaders()).isEqualTo(CsvLayout.columns());
        assertThat(ColumnMapping.identity().ourColumns()).isEqualTo(CsvLayout.columns());
    }
}
