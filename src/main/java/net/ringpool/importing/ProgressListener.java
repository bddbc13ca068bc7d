package net.ringpool.importing;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Shows how the import is going after each chunk: rows done, rate, share of the input read and the
 * time left. On a terminal one line on stderr is redrawn about once a second; otherwise a log line is
 * written every {@link #LOG_INTERVAL}.
 */
class ProgressListener implements ChunkListener<CsvRow, PoolRequest>, StepExecutionListener {

    static final Duration LOG_INTERVAL = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(ProgressListener.class);
    private static final Duration TERMINAL_INTERVAL = Duration.ofSeconds(1);

    private final CsvRowReader reader;
    private final PrintWriter terminal;
    private final LongSupplier clock;
    private long startNanos;
    private long lastShownNanos;
    private double startShare;
    private long rowsThisExecution;
    private boolean shownOnTerminal;

    /** @param terminal where to redraw the line, or null to log instead */
    ProgressListener(CsvRowReader reader, PrintWriter terminal, LongSupplier clock) {
        this.reader = reader;
        this.terminal = terminal;
        this.clock = clock;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        startNanos = clock.getAsLong();
        lastShownNanos = startNanos;
        startShare = reader.progress();
    }

    @Override
    public void afterChunk(Chunk<PoolRequest> chunk) {
        rowsThisExecution += chunk.size();
        long now = clock.getAsLong();
        Duration interval = terminal != null ? TERMINAL_INTERVAL : LOG_INTERVAL;
        if (now - lastShownNanos < interval.toNanos()) {
            return;
        }
        lastShownNanos = now;
        String line = describe(now);
        if (terminal != null) {
            terminal.print("\r" + line + "   ");
            terminal.flush();
            shownOnTerminal = true;
        } else {
            log.info("import progress: {}", line);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (shownOnTerminal) {
            terminal.println();
            terminal.flush();
        }
        return null;
    }

    String describe(long now) {
        double seconds = Math.max((now - startNanos) / 1e9, 1e-3);
        double rate = rowsThisExecution / seconds;
        double share = reader.progress();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%,d rows, %.0f rows/s, %.0f%% of the input read", rowsThisExecution, rate, share * 100));
        if (share > startShare && share < 1) {
            double left = seconds * (1 - share) / (share - startShare);
            text.append(", about ").append(duration(left)).append(" left");
        }
        return text.toString();
    }

    static String duration(double seconds) {
        long whole = Math.round(seconds);
        if (whole < 60) {
            return whole + " s";
        }
        if (whole < 3600) {
            return whole / 60 + " min " + whole % 60 + " s";
        }
        return whole / 3600 + " h " + (whole % 3600) / 60 + " min";
    }
}
