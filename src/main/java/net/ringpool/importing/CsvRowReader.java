package net.ringpool.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the rows of the import files one after the other, streaming. Restartable: the step's
 * execution context holds the file and the line of the last row read in the last committed chunk, and
 * a restart reads on after that row. A malformed record becomes a row with a problem, never an
 * exception.
 */
class CsvRowReader implements ItemStreamReader<CsvRow> {

    static final String FILE_KEY = "import.reader.file";
    static final String LINE_KEY = "import.reader.line";

    private final List<Path> files;
    private final CsvOptions options;
    private final long totalBytes;
    private int fileIndex;
    private long lastLine;
    private long bytesOfEarlierFiles;
    private CsvHeader header;
    private CsvRecordCursor cursor;
    private PartitionSlices slices;

    CsvRowReader(List<Path> files, CsvOptions options) {
        this.files = List.copyOf(files);
        this.options = options;
        this.totalBytes = files.stream().mapToLong(CsvRowReader::size).sum();
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
    }

    @Override
    public CsvRow read() throws IOException {
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
        context.putInt(FILE_KEY, fileIndex);
        context.putLong(LINE_KEY, lastLine);
    }

    @Override
    public void close() {
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

    /** The share of the input read so far, from 0 to 1, by bytes. */
    double progress() {
        if (totalBytes == 0) {
            return 1;
        }
        long read = bytesOfEarlierFiles + (fileIndex < files.size() && cursor != null ? cursor.bytesRead() : 0);
        return Math.min(1, (double) read / totalBytes);
    }

    private CsvRow row(CsvRecordCursor.Record record) {
        if (record.problem() != null) {
            return new CsvRow(fileIndex, record.line(), Map.of(), at(record) + record.problem());
        }
        if (record.cells().size() != header.size()) {
            return new CsvRow(fileIndex, record.line(), header.values(record.cells()), at(record)
                    + record.cells().size() + " cells where the header has " + header.size()
                    + " (a delimiter or a quote too many or missing?)");
        }
        return new CsvRow(fileIndex, record.line(), header.values(record.cells()), null);
    }

    private static String at(CsvRecordCursor.Record record) {
        return "line " + record.line() + ": ";
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

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
