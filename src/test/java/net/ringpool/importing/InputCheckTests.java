package net.ringpool.importing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import net.ringpool.cli.UsageException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputCheckTests {

    private static final String HEADER = "advertiser_id_from_network,advertiser_campaign_id_from_network,id_from_network,"
            + "name,pool_type,destination_type";

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
    void aTabSeparatedFileReadWithCommasGetsAHint() throws Exception {
        // given
        Path file = Files.writeString(directory.resolve("pools.tsv"), HEADER.replace(',', '\t') + "\n");

        // when / then
        assertThatThrownBy(() -> InputCheck.check(List.of(file), CsvOptions.defaults()))
                .hasMessageEndingWith("(is the file separated by tabs? use --delimiter tab)");
        assertThatNoException().isThrownBy(() -> InputCheck.check(List.of(file), new CsvOptions('\t', false, false)));
    }

    @Test
    void utf16TextIsRefusedWithOrWithoutAByteOrderMark() throws Exception {
        // given
        String text = HEADER + "\r\na,c,p,n,Search,API\r\n";
        Path littleEndian = Files.write(directory.resolve("le.csv"), text.getBytes(StandardCharsets.UTF_16LE));
        Path bigEndianWithMark = Files.write(directory.resolve("be.csv"), text.getBytes(StandardCharsets.UTF_16));

        // when / then
        for (Path file : List.of(littleEndian, bigEndianWithMark)) {
            assertThatThrownBy(() -> InputCheck.check(List.of(file), CsvOptions.defaults()))
                    .hasMessage(file + ": is UTF-16 text (Excel's \"Unicode Text\"), not UTF-8; save it as CSV UTF-8");
        }
    }

    @Test
    void aBinaryFileIsNamedForWhatItIs() throws Exception {
        // given
        Path png = Files.write(directory.resolve("png.csv"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0});
        Path xlsx = Files.write(directory.resolve("xlsx.csv"), new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0});
        Path other = Files.write(directory.resolve("other.csv"), new byte[] {'a', 'b', 0, 1, 2, '\n', 'c'});

        // when / then
        assertThatThrownBy(() -> InputCheck.check(List.of(png), CsvOptions.defaults()))
                .hasMessage(png + ": is a PNG image, not CSV text; save it as CSV UTF-8");
        assertThatThrownBy(() -> InputCheck.check(List.of(xlsx), CsvOptions.defaults()))
                .hasMessage(xlsx + ": is a ZIP archive (an Excel .xlsx workbook?), not CSV text; save it as CSV UTF-8");
        assertThatThrownBy(() -> InputCheck.check(List.of(other), CsvOptions.defaults()))
                .hasMessageContaining("NUL bytes in the header row");
    }

    @Test
    void aHeaderThatIsNotUtf8IsSaidToBeSo() throws Exception {
        // given a Latin-1 header
        Path file = Files.writeString(directory.resolve("latin1.csv"), HEADER.replace("name", "n\u00e4me") + "\n",
                StandardCharsets.ISO_8859_1);

        // when / then
        assertThatThrownBy(() -> InputCheck.check(List.of(file), CsvOptions.defaults()))
                .hasMessage(file + ": the header row is not UTF-8 text (save the file as CSV UTF-8)");
    }

    @Test
    void thousandsOfUnknownColumnsAreCutShortInTheMessage() throws Exception {
        // given
        StringBuilder header = new StringBuilder(HEADER);
        for (int i = 1; i <= 5000; i++) {
            header.append(",x").append(i);
        }
        Path file = Files.writeString(directory.resolve("wide.csv"), header + "\n");

        // when / then
        assertThatThrownBy(() -> InputCheck.check(List.of(file), CsvOptions.defaults()))
                .hasMessage(file + ": unknown columns x1, x2, x3, x4, x5, x6, x7, x8, x9, x10 and 4,990 more "
                        + "(--ignore-unknown-columns imports the file without them)");
    }

    @Test
    void headerTextIsShownEscapedSoTheErrorStaysOneLineAndCannotDriveTheTerminal() throws Exception {
        // given a quoted header cell with a line break, an ANSI escape sequence and a right-to-left override
        Path file = Files.writeString(directory.resolve("hostile.csv"), HEADER
                + ",\"evil\nsecond line\",\"\u001b[2Jred\",\"\u202etxt.exe\"\n");

        // when / then
        assertThatThrownBy(() -> InputCheck.check(List.of(file), CsvOptions.defaults()))
                .hasMessage(file + ": unknown columns evil\\nsecond line, \\u001B[2Jred, \\u202Etxt.exe "
                        + "(--ignore-unknown-columns imports the file without them)");
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
