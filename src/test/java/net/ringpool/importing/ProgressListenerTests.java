package net.ringpool.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class ProgressListenerTests {

    @TempDir
    Path directory;

    @Test
    void aTerminalGetsOneRedrawnLineWithRateShareAndTimeLeft() throws Exception {
        // given a reader half-way through its file and a clock under the test's control
        StringBuilder text = new StringBuilder("advertiser_id_from_network,advertiser_campaign_id_from_network,"
                + "id_from_network,name,pool_type,destination_type\n");
        for (int i = 0; i < 20_000; i++) {
            text.append("a,c,p").append(i).append(",name,Search,Advertiser\n");
        }
        Path file = Files.writeString(directory.resolve("pools.csv"), text);
        CsvRowReader reader = new CsvRowReader(List.of(file), CsvOptions.defaults());
        reader.open(new ExecutionContext());
        AtomicLong nanos = new AtomicLong();
        StringWriter terminal = new StringWriter();
        ProgressListener progress = new ProgressListener(reader, new PrintWriter(terminal), nanos::get);
        progress.beforeStep(null);
        for (int i = 0; i < 10_000; i++) {
            reader.read();
        }

        // when 100 rows were written within the first second, then 400 more after two seconds
        progress.afterChunk(rows(100));
        nanos.set(2_000_000_000L);
        progress.afterChunk(rows(400));
        progress.afterStep(null);
        reader.close();

        // then the line was drawn once, after a second had passed
        assertThat(terminal.toString()).matches("\r500 rows, 250 rows/s, \\d+% of the input read, about \\d+ s left   "
                + System.lineSeparator());
    }

    @Test
    void durationsReadLikeAPersonWouldSayThem() {
        assertThat(ProgressListener.duration(42.4)).isEqualTo("42 s");
        assertThat(ProgressListener.duration(125)).isEqualTo("2 min 5 s");
        assertThat(ProgressListener.duration(7_380)).isEqualTo("2 h 3 min");
    }

    private static Chunk<PoolRequest> rows(int count) {
        Chunk<PoolRequest> chunk = new Chunk<>();
        for (int i = 0; i < count; i++) {
            chunk.add(new PoolRequest(0, i, "a", "c", "p", "upsert", RowAction.UPSERT, null, null, null));
        }
        return chunk;
    }
}
