package net.ringpool.importing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import net.ringpool.cli.UsageException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputCheckTests {

    @TempDir
    Path directory;

    @Test
    void aHeaderWithoutRequiredColumnsNamesTheFileAndTheColumns() throws Exception {
        // given
        Path file = Files.writeString(directory.resolve("pools.csv"),
                "advertiser_id_from_network,advertiser_campaign_id_from_network,name\na,c,n\n");

        // when / then
        assertThatThrownBy(() -> InputCheck.check(List.of(file), CsvOptions.defaults()))
                .isInstanceOf(UsageException.class)
                .hasMessage(file + ": the header lacks the required columns id_from_network, pool_type, destination_type");
    }

    @Test
    void idFromNetworkIsOptionalWhereTheNetworkGeneratesIds() throws Exception {
        // given
        Path file = Files.writeString(directory.resolve("pools.csv"),
                "advertiser_id_from_network,advertiser_campaign_id_from_network,name,pool_type,destination_type\n");

        // when / then
        assertThatNoException().isThrownBy(() -> InputCheck.check(List.of(file), new CsvOptions(',', false, true)));
    }

    @Test
    void unknownColumnsAreRefusedUnlessIgnoredAndOutcomeColumnsAreAlwaysIgnored() throws Exception {
        // given
        Path file = Files.writeString(directory.resolve("pools.csv"), "advertiser_id_from_network,"
                + "advertiser_campaign_id_from_network,id_from_network,name,pool_type,destination_type,colour,"
                + "outcome_status,api_key\n");

        // when / then
        assertThatThrownBy(() -> InputCheck.check(List.of(file), CsvOptions.defaults()))
                .hasMessage(file + ": unknown column colour (--ignore-unknown-columns imports the file without them)");
        assertThatNoException().isThrownBy(() -> InputCheck.check(List.of(file), new CsvOptions(',', true, false)));
    }

    @Test
    void aSemicolonFileReadWithCommasGetsAHint() throws Exception {
        // given
        Path file = Files.writeString(directory.resolve("pools.csv"), "advertiser_id_from_network;"
                + "advertiser_campaign_id_from_network;id_from_network;name;pool_type;destination_type\n");

        // when / then
        assertThatThrownBy(() -> InputCheck.check(List.of(file), CsvOptions.defaults()))
                .hasMessageContaining("use --delimiter ';'");
        assertThatNoException().isThrownBy(() -> InputCheck.check(List.of(file), new CsvOptions(';', false, false)));
    }

    @Test
    void everyUnusableFileIsNamed() throws Exception {
        // given
        Path missing = directory.resolve("missing.csv");
        Path empty = Files.writeString(directory.resolve("empty.csv"), "");

        // when / then
        assertThatThrownBy(() -> InputCheck.check(List.of(missing, empty, directory), CsvOptions.defaults()))
                .hasMessageContaining(missing + ": no such file")
                .hasMessageContaining(empty + ": the file is empty; it needs a header row")
                .hasMessageContaining(directory + ": is a directory");
    }
}
