package net.ringpool.exporting;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/** Prints a progress line on long runs: at most one per interval, after a chunk was written. */
class ExportProgress implements ChunkListener<PoolRow, PoolRow>, StepExecutionListener {

    private final PrintWriter out;
    private final Duration interval;
    private final CampaignOutcomeRecorder recorder;
    private final LongSupplier nanoClock;
    private long startedAt;
    private long lastPrintedAt;
    private long rows;

    ExportProgress(PrintWriter out, Duration interval, CampaignOutcomeRecorder recorder) {
        this(out, interval, recorder, System::nanoTime);
    }

    ExportProgress(PrintWriter out, Duration interval, CampaignOutcomeRecorder recorder, LongSupplier nanoClock) {
        this.out = out;
        this.interval = interval;
        this.recorder = recorder;
        this.nanoClock = nanoClock;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        startedAt = nanoClock.getAsLong();
        lastPrintedAt = startedAt;
        rows = 0;
    }

    @Override
    public void afterChunk(Chunk<PoolRow> chunk) {
        rows += chunk.size();
        long now = nanoClock.getAsLong();
        if (interval.isZero() || now - lastPrintedAt < interval.toNanos()) {
            return;
        }
        lastPrintedAt = now;
        double seconds = (now - startedAt) / 1e9;
        out.printf(Locale.ROOT, "progress: %,d pools from %,d campaigns (%,d could not be read), %.0f s, %,.0f rows/s%n",
                rows, recorder.exported(), recorder.failed(), seconds, seconds > 0 ? rows / seconds : 0);
        out.flush();
    }
}
