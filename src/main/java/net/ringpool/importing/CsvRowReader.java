package net.ringpool.importing;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the rows of the import files one after the other, streaming. Restartable: the step's
 * execution context holds the file and the line of the last row read in the last committed chunk, and
 * a restart reads on after that row. A malformed record becomes a row with a problem, never an
 * exception. The step's reader parses ahead on a thread of its own, a few batches of rows at most, so that the
 * parsing is off the thread that runs the chunks (in a 20,000-row {@code --only-changed} run the step's reads took
 * a quarter of a second of it; bench/README.md); what it saves and reports is still the last row it gave the step.
 */
class CsvRowReader implements ItemStreamReader<CsvRow> {

    static final String FILE_KEY = "import.reader.file";
    static final String LINE_KEY = "import.reader.line";

    private static final int BATCH = 256;
    private static final int BATCHES_AHEAD = 4;
    private static final long CLOSE_WAIT_MILLIS = 10_000;

    /** Rows read ahead, in input order; the last batch has none, and the reader's end state or why it failed. */
    private record Batch(List<CsvRow> rows, double progress, Exception failure, int endFile, long endLine) {
    }

    private final List<Path> files;
    private final CsvOptions options;
    private final long totalBytes;
    private final boolean readAhead;
    private int fileIndex;
    private long lastLine;
    private long bytesOfEarlierFiles;
    private CsvHeader header;
    private CsvRecordCursor cursor;
    private PartitionSlices slices;

    // with readAhead: the thread that parses, and what the step has been given so far
    private BlockingQueue<Batch> batches;
    private Thread parser;
    private volatile boolean closing;
    private Iterator<CsvRow> batch = Collections.emptyIterator();
    private boolean ended;
    private int givenFile;
    private long givenLine;
    private double givenProgress;

    /** A reader that parses on the calling thread. */
    CsvRowReader(List<Path> files, CsvOptions options) {
        this(files, options, false);
    }

    /** @param readAhead whether rows are parsed ahead on a thread of the reader's own, from {@link #open} on */
    CsvRowReader(List<Path> files, CsvOptions options, boolean readAhead) {
        this.files = List.copyOf(files);
        this.options = options;
        this.totalBytes = files.stream().mapToLong(CsvRowReader::size).sum();
        this.readAhead = readAhead;
    }

    /** Whether a step with this context reads the whole input from its first row (a first run, not a partition). */
    static boolean startsAtTheBeginning(ExecutionContext context) {
        return !context.containsKey(PartitionSlices.KEY)
                && (!context.containsKey(FILE_KEY) || context.getInt(FILE_KEY) == 0)
                && (!context.containsKey(LINE_KEY) || context.getLong(LINE_KEY) == 0);
    }

    @Override
    public void open(ExecutionContext context) {
        slices = context.containsKey(PartitionSlices.KEY)
                ? PartitionSlices.decode(context.getString(PartitionSlices.KEY)) : null;
        if (slices != null) {
            checkReadable();
        }
        fileIndex = context.containsKey(FILE_KEY) ? context.getInt(FILE_KEY) : 0;
        long resumeAfter = context.containsKey(LINE_KEY) ? context.getLong(LINE_KEY) : 0;
        bytesOfEarlierFiles = files.subList(0, Math.min(fileIndex, files.size())).stream()
                .mapToLong(CsvRowReader::size).sum();
        if (fileIndex < files.size()) {
            openFile(resumeAfter);
        }
        if (readAhead) {
            startParsing();
        }
    }

    @Override
    public CsvRow read() throws IOException {
        if (!readAhead) {
            return readNow();
        }
        while (!batch.hasNext()) {
            if (ended) {
                return null;
            }
            Batch next = take();
            givenProgress = next.progress();
            if (next.failure() != null) {
                ended = true;
                throw rethrown(next.failure());
            }
            if (next.rows().isEmpty()) {
                ended = true;
                givenFile = next.endFile();
                givenLine = next.endLine();
                return null;
            }
            batch = next.rows().iterator();
        }
        CsvRow row = batch.next();
        givenFile = row.fileIndex();
        givenLine = row.line();
        return row;
    }

    private CsvRow readNow() throws IOException {
        while (fileIndex < files.size()) {
            CsvRecordCursor.Record record = cursor.next();
            if (record != null) {
                CsvRow row = row(record);
                if (slices != null && !slices.contains(row)) {
                    continue;
                }
                lastLine = record.line();
                return row;
            }
            cursor.close();
            bytesOfEarlierFiles += size(files.get(fileIndex));
            fileIndex++;
            if (fileIndex < files.size()) {
                openFile(0);
            }
        }
        return null;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(FILE_KEY, readAhead ? givenFile : fileIndex);
        context.putLong(LINE_KEY, readAhead ? givenLine : lastLine);
    }

    @Override
    public void close() {
        stopParsing();
        try {
            if (cursor != null) {
                cursor.close();
            }
        } catch (IOException e) {
            throw new ItemStreamException("cannot close " + files.get(Math.min(fileIndex, files.size() - 1)), e);
        }
    }

    /** A partition may run on another machine: its input must be on a filesystem that machine shares. */
    private void checkReadable() {
        for (Path file : files) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new ItemStreamException("the input " + file + " cannot be read on " + ImportIdentity.host()
                        + " (" + (Files.exists(file) ? "permissions?" : "no such file")
                        + "): every worker must see the input at the same absolute path, on a shared filesystem");
            }
        }
    }

    /** The share of the input read so far, from 0 to 1, by bytes (with readAhead: when the last row given was read). */
    double progress() {
        return readAhead ? givenProgress : progressNow();
    }

    private double progressNow() {
        if (totalBytes == 0) {
            return 1;
        }
        long read = bytesOfEarlierFiles + (fileIndex < files.size() && cursor != null ? cursor.bytesRead() : 0);
        return Math.min(1, (double) read / totalBytes);
    }

    private CsvRow row(CsvRecordCursor.Record record) {
        String at = "line " + record.line() + ": ";
        if (record.problem() != null) {
            return new CsvRow(fileIndex, record.line(), Map.of(), at + record.problem());
        }
        if (record.cells().size() != header.size()) {
            return new CsvRow(fileIndex, record.line(), header.values(record.cells()), at + record.cells().size()
                    + " cells where the header has " + header.size() + " (a delimiter or a quote too many or missing?)");
        }
        return new CsvRow(fileIndex, record.line(), header.values(record.cells()), null);
    }

    /** Opens the current file after the row starting at {@code resumeAfter}, or at its first row when 0. */
    private void openFile(long resumeAfter) {
        Path file = files.get(fileIndex);
        try {
            header = CsvHeader.read(file, options);
            if (resumeAfter > 0) {
                // the last row read starts a record, so reading resumes exactly after it
                cursor = CsvRecordCursor.open(file, options.format(), resumeAfter);
                cursor.next();
            } else {
                cursor = CsvRecordCursor.open(file, options.format(), header.firstDataLine());
            }
            lastLine = resumeAfter;
        } catch (IOException e) {
            throw new ItemStreamException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void startParsing() {
        givenFile = fileIndex;
        givenLine = lastLine;
        givenProgress = progressNow();
        batch = Collections.emptyIterator();
        ended = false;
        closing = false;
        batches = new ArrayBlockingQueue<>(BATCHES_AHEAD);
        parser = new Thread(this::parseAhead, "csv-read-ahead");
        parser.setDaemon(true);
        parser.start();
    }

    /** On the parsing thread: every row, in batches, then the end (or the failure, after the rows before it). */
    private void parseAhead() {
        List<CsvRow> rows = new ArrayList<>(BATCH);
        try {
            try {
                CsvRow row;
                while (!closing && (row = readNow()) != null) {
                    rows.add(row);
                    if (rows.size() == BATCH) {
                        batches.put(new Batch(rows, progressNow(), null, 0, 0));
                        rows = new ArrayList<>(BATCH);
                    }
                }
            } catch (IOException | RuntimeException failed) {
                if (!rows.isEmpty()) {
                    batches.put(new Batch(rows, progressNow(), null, 0, 0));
                }
                batches.put(new Batch(List.of(), progressNow(), failed, 0, 0));
                return;
            }
            if (!rows.isEmpty()) {
                batches.put(new Batch(rows, progressNow(), null, 0, 0));
            }
            batches.put(new Batch(List.of(), progressNow(), null, fileIndex, lastLine));
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private Batch take() throws IOException {
        try {
            return batches.take();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading " + files);
        }
    }

    private static IOException rethrown(Exception failure) {
        if (failure instanceof IOException io) {
            return io;
        }
        throw (RuntimeException) failure;
    }

    /** Ends the parsing thread, and waits until it has let go of the file. */
    private void stopParsing() {
        if (parser == null) {
            return;
        }
        closing = true;
        parser.interrupt();
        try {
            parser.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        parser = null;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
