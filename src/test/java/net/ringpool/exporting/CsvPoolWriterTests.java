package net.ringpool.exporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.ringpool.pool.ColumnMapping;
import net.ringpool.pool.CsvLayout;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class CsvPoolWriterTests {

    @TempDir
    Path directory;

    private static PoolRow row(String id, String name, String param1) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put(CsvLayout.ADVERTISER_ID, "1");
        cells.put(CsvLayout.CAMPAIGN_ID, "100");
        cells.put("id_from_network", id);
        cells.put("name", name);
        cells.put("param1", param1);
        cells.put("local_center_longitude", "-119.7");
        return PoolRow.of(cells);
    }

    @Test
    void writesEveryColumnQuotedWhereNeededAndNeutralisedInTheTemporaryFileUntilPublished() throws Exception {
        // given
        Path target = directory.resolve("out.csv");
        ExportFile file = new ExportFile(target, false);
        CsvPoolWriter writer = new CsvPoolWriter(file, ColumnMapping.identity(), ',', false);

        // when
        writer.open(new ExecutionContext());
        writer.write(Chunk.of(row("1", "a, \"b\"\nc", "=1+1"), row("2", "   ", "-5")));
        writer.close();
        Path temporary = file.temporary();

        // then
        assertThat(target).doesNotExist();
        assertThat(temporary.getFileName().toString()).startsWith(".out.csv.").endsWith(".tmp");
        String written = Files.readString(temporary, StandardCharsets.UTF_8);
        assertThat(written).startsWith(String.join(",", CsvLayout.columns()) + "\r\n")
                .contains("1,100,1,\"a, \"\"b\"\"\nc\",,,,,,,,,'=1+1,")
                .contains("1,100,2,\"   \",,,,,,,,,-5,")
                .contains(",-119.7,")
                .endsWith("\r\n");

        // when
        file.publish();

        // then
        assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo(written);
        assertThat(temporary).doesNotExist();
    }

    @Test
    void writesTheColumnsOfAMappingWithTheChosenDelimiterAndAByteOrderMark() throws Exception {
        // given
        ExportFile file = new ExportFile(directory.resolve("theirs.csv"), false);
        ColumnMapping mapping = ColumnMapping.parse(List.of("Notes; more=param1", "Pool=id_from_network"), "m");
        CsvPoolWriter writer = new CsvPoolWriter(file, mapping, ';', true);

        // when
        writer.open(new ExecutionContext());
        writer.write(Chunk.of(row("7", "ignored", "x;y")));
        writer.close();
        file.publish();

        // then
        assertThat(Files.readString(directory.resolve("theirs.csv"), StandardCharsets.UTF_8))
                .isEqualTo("\uFEFF\"Notes; more\";Pool\r\n\"x;y\";7\r\n");
    }

    @Test
    void aDiscardedFileLeavesTheTargetAsItWas() throws Exception {
        // given
        Path target = directory.resolve("out.csv");
        Files.writeString(target, "previous\n");
        ExportFile file = new ExportFile(target, false);
        CsvPoolWriter writer = new CsvPoolWriter(file, ColumnMapping.identity(), ',', false);
        writer.open(new ExecutionContext());
        writer.write(Chunk.of(row("1", "n", "")));

        // when
        writer.close();
        file.discard();

        // then
        assertThat(Files.readString(target)).isEqualTo("previous\n");
        assertThat(ExportFixtures.files(directory)).containsExactly("out.csv");
        assertThatThrownBy(file::publish).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFileThatCannotBeCreatedIsNamedInTheFailure() throws IOException {
        // given
        Path missing = directory.resolve("no-such-directory").resolve("out.csv");
        CsvPoolWriter writer = new CsvPoolWriter(new ExportFile(missing, false), ColumnMapping.identity(), ',', false);

        // then
        assertThatThrownBy(() -> writer.open(new ExecutionContext()))
                .isInstanceOf(ExportFailedException.class)
                .hasMessageStartingWith("cannot write " + missing + ": No Such File");
    }

    @Test
    void theRedactorEmptiesApiKeyUnlessSecretsAreIncluded() {
        // given
        PoolRow row = PoolRow.of(Map.of("id_from_network", "1", "api_key", "0123abcd"));

        // then
        assertThat(new ApiKeyRedactor(false).process(row).cell("api_key")).isEmpty();
        assertThat(new ApiKeyRedactor(false).process(row).cell("id_from_network")).isEqualTo("1");
        assertThat(new ApiKeyRedactor(true).process(row).cell("api_key")).isEqualTo("0123abcd");
    }
}
