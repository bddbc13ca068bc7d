package net.ringpool.importing;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import net.ringpool.outcome.OutcomeRepository;
import net.ringpool.outcome.OutcomeStatus;
import net.ringpool.outcome.RowOutcome;
import net.ringpool.pool.CsvLayout;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes {@code outcomes.csv} (every row with an outcome: its cells as read, then outcome_line,
 * outcome_status, outcome_http_status, outcome_message) and {@code errors.csv} (the same for rows that
 * did not succeed, ready to be fixed and imported again). The input is read again and joined with the
 * outcomes of the whole run, so that after a resumed execution both files cover every line. Several
 * input files share one header (their columns in first-seen order) and get an outcome_file column.
 */
class OutcomeFiles {

    static final String OUTCOMES = "outcomes.csv";
    static final String ERRORS = "errors.csv";
    static final List<String> OUTCOME_COLUMNS = List.of("outcome_line", "outcome_status", "outcome_http_status",
            "outcome_message");

    /** How many rows each file got. */
    record Written(Path directory, long outcomes, long errors) {
    }

    private final List<Path> files;
    private final CsvOptions options;
    private final OutcomeRepository repository;

    OutcomeFiles(List<Path> files, CsvOptions options, OutcomeRepository repository) {
        this.files = files;
        this.options = options;
        this.repository = repository;
    }

    Written write(long jobInstanceId, Path directory) throws IOException {
        Files.createDirectories(directory);
        List<CsvHeader> headers = new ArrayList<>();
        for (Path file : files) {
            headers.add(CsvHeader.read(file, options));
        }
        Map<String, String> columns = columns(headers);
        List<String> header = new ArrayList<>(columns.values());
        header.addAll(OUTCOME_COLUMNS);
        if (files.size() > 1) {
            header.add("outcome_file");
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(options.delimiter()).get();
        try (Writer outcomesFile = Files.newBufferedWriter(directory.resolve(OUTCOMES), StandardCharsets.UTF_8);
                Writer errorsFile = Files.newBufferedWriter(directory.resolve(ERRORS), StandardCharsets.UTF_8);
                CSVPrinter outcomes = new CSVPrinter(outcomesFile, format);
                CSVPrinter errors = new CSVPrinter(errorsFile, format);
                Join join = new Join(headers, List.copyOf(columns.keySet()))) {
            outcomes.printRecord(header);
            errors.printRecord(header);
            long[] counts = new long[2];
            repository.forEachOfInstance(jobInstanceId, outcome -> {
                List<String> row = join.cells(outcome);
                row.add(String.valueOf(outcome.line()));
                row.add(outcome.status().name());
                row.add(outcome.httpStatus() == null ? "" : String.valueOf(outcome.httpStatus()));
                row.add(outcome.message() == null ? "" : outcome.message());
                if (files.size() > 1) {
                    row.add(files.get(outcome.fileIndex()).toString());
                }
                try {
                    outcomes.printRecord(row);
                    counts[0]++;
                    if (!succeeded(outcome.status())) {
                        errors.printRecord(row);
                        counts[1]++;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return new Written(directory, counts[0], counts[1]);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static boolean succeeded(OutcomeStatus status) {
        return !status.isProblem();
    }

    /**
     * Canonical name → header label as first read. The outcome columns of an input that is itself an
     * outcome file are dropped; an unnamed column is keyed by its file and position.
     */
    private static Map<String, String> columns(List<CsvHeader> headers) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int file = 0; file < headers.size(); file++) {
            CsvHeader header = headers.get(file);
            for (int i = 0; i < header.size(); i++) {
                String canonical = header.canonical().get(i);
                String key = canonical.isEmpty() ? "#" + file + ":" + i : canonical;
                if (!canonical.startsWith(CsvLayout.OUTCOME_PREFIX)) {
                    columns.putIfAbsent(key, header.names().get(i));
                }
            }
        }
        return columns;
    }

    /**
     * Walks the input files along the outcomes, which come in file and line order. The files are read again on a
     * thread of its own, a few batches of records ahead, while this one prints: the two files of a 20,000-row run
     * took about 0.4 s of the main thread's CPU, half of it parsing the input (bench/README.md).
     */
    private final class Join implements AutoCloseable {

        private static final int BATCH = 128;
        private static final int BATCHES_AHEAD = 2;
        private static final long CLOSE_WAIT_MILLIS = 10_000;

        /** An input record and the index of its file. */
        private record Tagged(int file, CsvRecordCursor.Record record) {
        }

        /** Records in input order; the last batch is empty, or carries why reading failed. */
        private record Batch(List<Tagged> records, Exception failure) {
        }

        private final List<CsvHeader> headers;
        private final List<int[]> positions;
        private final List<String> columns;
        private final BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(BATCHES_AHEAD);
        private final Thread reader;
        private volatile boolean closed;
        private Iterator<Tagged> batch = Collections.emptyIterator();
        private Tagged next;
        private boolean started;
        private boolean ended;

        Join(List<CsvHeader> headers, List<String> columns) {
            this.headers = headers;
            this.columns = columns;
            this.positions = new ArrayList<>();
            for (int file = 0; file < headers.size(); file++) {
                positions.add(positions(file, headers.get(file).positions()));
            }
            this.reader = new Thread(this::readAll, "outcome-files-input");
            reader.setDaemon(true);
            reader.start();
        }

        /** The input cells of the outcome's row under the shared header; empty cells when the row cannot be found. */
        List<String> cells(RowOutcome outcome) {
            try {
                CsvRecordCursor.Record found = find(outcome.fileIndex(), outcome.line());
                int[] ofFile = positions.get(outcome.fileIndex());
                List<String> cells = new ArrayList<>(ofFile.length + OUTCOME_COLUMNS.size() + 1);
                for (int position : ofFile) {
                    boolean present = found != null && position >= 0 && position < found.cells().size();
                    cells.add(present ? found.cells().get(position) : "");
                }
                return cells;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException(new InterruptedIOException("stopped while writing the outcome files"));
            }
        }

        /** For each shared column, where the file has it (-1 where it has not). */
        private int[] positions(int file, Map<String, Integer> ofFile) {
            String unnamedPrefix = "#" + file + ":";
            int[] positions = new int[columns.size()];
            for (int i = 0; i < positions.length; i++) {
                String column = columns.get(i);
                Integer position = column.startsWith(unnamedPrefix)
                        ? Integer.valueOf(column.substring(unnamedPrefix.length())) : ofFile.get(column);
                positions[i] = position == null ? -1 : position;
            }
            return positions;
        }

        private CsvRecordCursor.Record find(int wantedFile, long line) throws IOException, InterruptedException {
            if (!started) {
                advance();
                started = true;
            }
            while (next != null && (next.file() < wantedFile || next.file() == wantedFile && next.record().line() < line)) {
                advance();
            }
            return next != null && next.file() == wantedFile && next.record().line() == line ? next.record() : null;
        }

        private void advance() throws IOException, InterruptedException {
            while (!batch.hasNext() && !ended) {
                Batch taken = batches.take();
                if (taken.failure() instanceof IOException failure) {
                    throw failure;
                }
                if (taken.failure() instanceof RuntimeException failure) {
                    throw failure;
                }
                ended = taken.records().isEmpty();
                batch = taken.records().iterator();
            }
            next = batch.hasNext() ? batch.next() : null;
        }

        private void readAll() {
            try {
                List<Tagged> records = new ArrayList<>(BATCH);
                for (int file = 0; file < files.size() && !closed; file++) {
                    try (CsvRecordCursor cursor = CsvRecordCursor.open(files.get(file), options.format(),
                            headers.get(file).firstDataLine())) {
                        CsvRecordCursor.Record record;
                        while (!closed && (record = cursor.next()) != null) {
                            records.add(new Tagged(file, record));
                            if (records.size() == BATCH) {
                                batches.put(new Batch(records, null));
                                records = new ArrayList<>(BATCH);
                            }
                        }
                    }
                }
                if (!records.isEmpty()) {
                    batches.put(new Batch(records, null));
                }
                batches.put(new Batch(List.of(), null));
            } catch (IOException | RuntimeException failed) {
                try {
                    batches.put(new Batch(List.of(), failed));
                } catch (InterruptedException closing) {
                    Thread.currentThread().interrupt();
                }
            } catch (InterruptedException closing) {
                Thread.currentThread().interrupt();
            }
        }

        /** Stops reading ahead, and waits until the input files are closed. */
        @Override
        public void close() {
            closed = true;
            reader.interrupt();
            try {
                reader.join(CLOSE_WAIT_MILLIS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
