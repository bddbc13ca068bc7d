package net.ringpool.exporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;

class ExportProgressTests {

    @Test
    void printsAtMostOneLinePerIntervalWithPoolsCampaignsAndRate() {
        // given
        StringWriter out = new StringWriter();
        AtomicLong nanos = new AtomicLong();
        CampaignOutcomeRecorder recorder = new CampaignOutcomeRecorder(null);
        ExportProgress progress = new ExportProgress(new PrintWriter(out), Duration.ofSeconds(10), recorder, nanos::get);
        Chunk<PoolRow> chunk = new Chunk<>(Collections.nCopies(500, PoolRow.of(java.util.Map.of())));
        progress.beforeStep(null);

        // when
        nanos.set(Duration.ofSeconds(4).toNanos());
        progress.afterChunk(chunk);
        nanos.set(Duration.ofSeconds(10).toNanos());
        progress.afterChunk(chunk);
        nanos.set(Duration.ofSeconds(15).toNanos());
        progress.afterChunk(chunk);

        // then
        assertThat(out.toString()).isEqualTo("progress: 1,000 pools from 0 campaigns (0 could not be read), 10 s, "
                + "100 rows/s" + System.lineSeparator());
    }
}
