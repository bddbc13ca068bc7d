package net.ringpool.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class CsvRowReaderTests {

    private static final String HEADER = "advertiser_id_from_network,advertiser_campaign_id_from_network,"
            + "id_from_network,name,pool_type,destination_type";

    @TempDir
    Path directory;

    @Test
    void everyRowCarriesTheLineWhereItsRecordStarts() throws Exception {
        // given a file with a BOM, CRLF line ends, a quoted newline and blank lines
        Path file = write("pools.csv", "\uFEFF" + HEADER + "\r\n"
                + "a,c,p1,\"two\r\nlines\",Search,Advertiser\r\n"
                + "\r\n"
                + "a,c,p2,plain,Search,Advertiser\r\n"
                + ",,,,,\r\n"
                + "a,c,p3,last,Search,Advertiser");

        // when
        List<CsvRow> rows = readAll(reader(file), new ExecutionContext());

        // then
        assertThat(rows).extracting(CsvRow::line).containsExactly(2L, 5L, 7L);
        assertThat(rows.get(0).values()).containsEntry("name", "two\r\nlines")
                .containsEntry("advertiser_id_from_network", "a");
        assertThat(rows).allMatch(row -> row.problem() == null);
    }

    @Test
    void headersMatchInAnyOrderAndCaseAndFormulaPrefixesAreRemoved() throws Exception {
        // given
        Path file = write("pools.csv", "NAME;Pool_Type;destination_type;ID_FROM_NETWORK;advertiser_id_from_network;"
                + "advertiser_campaign_id_from_network;param1;outcome_status;api_key\n"
                + "'=total;Search;Advertiser;p1;a;c;'+1;CREATED;secret\n");

        // when
        List<CsvRow> rows = readAll(new CsvRowReader(List.of(file), new CsvOptions(';', false, false)),
                new ExecutionContext());

        // then
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.values()).containsEntry("name", "=total").containsEntry("param1", "+1")
                    .containsEntry("id_from_network", "p1")
                    .doesNotContainKeys("outcome_status", "api_key");
        });
    }

    @Test
    void malformedRecordsBecomeRowsNamingTheirLineAndReadingGoesOn() throws Exception {
        // given an unclosed quote, text after a closing quote and a row with too few cells
        Path file = write("pools.csv", HEADER + "\n"
                + "a,c,p1,ok,Search,Advertiser\n"
                + "a,c,p2,\"bad\"x,Search,Advertiser\n"
                + "a,c,p3\n"
                + "a,c,p4,\"never closed,Search,Advertiser\n"
                + "a,c,p5,fine,Search,Advertiser\n");

        // when
        List<CsvRow> rows = readAll(reader(file), new ExecutionContext());

        // then
        assertThat(rows).extracting(CsvRow::line).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(rows.get(0).problem()).isNull();
        assertThat(rows.get(4).problem()).isNull();
        assertThat(rows.get(4).values()).containsEntry("id_from_network", "p5");
        assertThat(rows.get(1).problem()).startsWith("line 3: text follows a closing quote");
        assertThat(rows.get(2).problem()).startsWith("line 4: 3 cells where the header has 6");
        assertThat(rows.get(3).problem()).startsWith("line 5: a quoted cell is never closed")
                .contains("a,c,p4,\"never closed");
    }

    @Test
    void anUnclosedQuoteDoesNotSwallowTheRestOfTheFile() throws Exception {
        // given an unclosed quote followed by more than a record's worth of valid lines
        StringBuilder text = new StringBuilder(HEADER + "\na,c,open,\"unclosed,Search,Advertiser\n");
        int following = CsvRecordCursor.MAX_RECORD_CHARS / 30 + 100;
        for (int i = 0; i < following; i++) {
            text.append("a,c,p").append(i).append(",name,Search,Advertiser\n");
        }
        Path file = write("long.csv", text.toString());

        // when
        List<CsvRow> rows = readAll(reader(file), new ExecutionContext());

        // then the broken line is one problem row, and every later line is a row of its own
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(0).problem()).contains("longer than");
        assertThat(rows).hasSize(following + 1);
        assertThat(rows.get(rows.size() - 1).line()).isEqualTo(following + 2L);
        assertThat(rows.subList(1, rows.size())).allMatch(row -> row.problem() == null);
    }

    @Test
    void aRestartedReaderGoesOnAfterTheLastRowOfTheSavedPosition() throws Exception {
        // given two files, the first ending with a quoted multi-line record and no final line break
        Path first = write("first.csv", HEADER + "\na,c,p1,x,Search,Advertiser\na,c,p2,\"y\nz\",Search,Advertiser");
        Path second = write("second.csv", HEADER + "\na,c,p3,x,Search,Advertiser\na,c,p4,x,Search,Advertiser\n");
        CsvRowReader reader = new CsvRowReader(List.of(first, second), CsvOptions.defaults());
        ExecutionContext context = new ExecutionContext();
        reader.open(context);
        List<Long> lines = new ArrayList<>();
        List<Long> positions = new ArrayList<>();

        // when the position is saved after every row, and a new reader starts from each saved position
        for (CsvRow row = reader.read(); row != null; row = reader.read()) {
            lines.add(row.fileIndex() * 100 + row.line());
            reader.update(context);
            CsvRowReader restarted = new CsvRowReader(List.of(first, second), CsvOptions.defaults());
            List<CsvRow> rest = readAll(restarted, copy(context));
            positions.add(rest.isEmpty() ? -1 : rest.get(0).fileIndex() * 100 + rest.get(0).line());
        }
        reader.close();

        // then each restart reads on with the row after the saved one, and nothing after the last
        assertThat(lines).containsExactly(2L, 3L, 102L, 103L);
        assertThat(positions).containsExactly(3L, 102L, 103L, -1L);
    }

    private CsvRowReader reader(Path file) {
        return new CsvRowReader(List.of(file), CsvOptions.defaults());
    }

    private static List<CsvRow> readAll(CsvRowReader reader, ExecutionContext context) throws Exception {
        reader.open(context);
        List<CsvRow> rows = new ArrayList<>();
        try {
            for (CsvRow row = reader.read(); row != null; row = reader.read()) {
                rows.add(row);
            }
        } finally {
            reader.close();
        }
        return rows;
    }

    private static ExecutionContext copy(ExecutionContext context) {
        ExecutionContext copy = new ExecutionContext();
        context.entrySet().forEach(entry -> copy.put(entry.getKey(), entry.getValue()));
        return copy;
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(directory.resolve(name), text, StandardCharsets.UTF_8);
    }
}
