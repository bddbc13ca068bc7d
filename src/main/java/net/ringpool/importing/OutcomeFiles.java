package net.ringpool.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** Walks the input files along the outcomes, which come in file and line order. */
    private final class Join implements AutoCloseable {

        private final List<CsvHeader> headers;
        private final List<Map<String, Integer>> positions;
        private final List<String> columns;
        private int fileIndex = -1;
        private CsvRecordCursor cursor;
        private CsvRecordCursor.Record record;

        Join(List<CsvHeader> headers, List<String> columns) {
            this.headers = headers;
            this.positions = headers.stream().map(CsvHeader::positions).toList();
            this.columns = columns;
        }

        /** The input cells of the outcome's row under the shared header; empty cells when the row cannot be found. */
        List<String> cells(RowOutcome outcome) {
            try {
                CsvRecordCursor.Record found = find(outcome.fileIndex(), outcome.line());
                List<String> cells = new ArrayList<>(columns.size());
                Map<String, Integer> ofFile = positions.get(outcome.fileIndex());
                String unnamedPrefix = "#" + outcome.fileIndex() + ":";
                for (String column : columns) {
                    Integer position = column.startsWith(unnamedPrefix)
                            ? Integer.valueOf(column.substring(unnamedPrefix.length())) : ofFile.get(column);
                    boolean present = found != null && position != null && position < found.cells().size();
                    cells.add(present ? found.cells().get(position) : "");
                }
                return cells;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private CsvRecordCursor.Record find(int wantedFile, long line) throws IOException {
            if (wantedFile != fileIndex) {
                close();
                fileIndex = wantedFile;
                cursor = CsvRecordCursor.open(files.get(fileIndex), options.format(),
                        headers.get(fileIndex).firstDataLine());
                record = cursor.next();
            }
            while (record != null && record.line() < line) {
                record = cursor.next();
            }
            return record != null && record.line() == line ? record : null;
        }

        @Override
        public void close() throws IOException {
            if (cursor != null) {
                cursor.close();
                cursor = null;
            }
        }
    }
}
