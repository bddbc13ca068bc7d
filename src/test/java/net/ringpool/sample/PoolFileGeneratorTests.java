package net.ringpool.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import net.ringpool.client.PoolJson;
import net.ringpool.pool.RingPoolField;
import net.ringpool.pool.RingPoolValidator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoolFileGeneratorTests {

    @TempDir
    Path directory;

    @Test
    void theSameSettingsGiveTheSameFile() throws Exception {
        // given
        PoolFileGenerator.Spec spec = new PoolFileGenerator.Spec(500, 0.1, 42, 3, 2, "g-");

        // when
        PoolFileGenerator.write(directory.resolve("a.csv"), spec);
        PoolFileGenerator.write(directory.resolve("b.csv"), spec);

        // then
        assertThat(Files.readAllBytes(directory.resolve("a.csv"))).isEqualTo(Files.readAllBytes(directory.resolve("b.csv")));
    }

    @Test
    void exactlyTheMarkedRowsAreInvalidAndIdsAreUnique() throws Exception {
        // given
        Path file = directory.resolve("pools.csv");

        // when
        PoolFileGenerator.Written written = PoolFileGenerator.write(file,
                new PoolFileGenerator.Spec(2000, 0.05, 1, 10, 5, "g-"));

        // then
        assertThat(written.invalid()).isBetween(60L, 140L);
        long invalid = 0;
        Set<String> ids = new HashSet<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader,
                        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (CSVRecord record : parser) {
                Map<String, String> cells = new LinkedHashMap<>(record.toMap());
                boolean valid = RingPoolValidator.validate(cells,
                        PoolJson.splitWhitelist(cells.get(RingPoolField.TN_PREFIX_WHITELIST)), true).isValid();
                String id = cells.get(RingPoolField.ID_FROM_NETWORK);
                assertThat(valid).as("row %s", id).isEqualTo(!id.endsWith(PoolFileGenerator.INVALID_SUFFIX));
                invalid += valid ? 0 : 1;
                ids.add(id);
            }
        }
        assertThat(invalid).isEqualTo(written.invalid());
        assertThat(ids).hasSize(2000);
    }
}
