package net.ringpool.importing;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the records of one CSV file with the physical line where each starts (a quoted newline makes
 * a record span lines). A record the parser cannot read, such as an unclosed quote, becomes a record
 * with a problem, and reading goes on at the next line. Empty lines and rows of empty cells are not
 * records. Memory does not grow with the file: a record longer than {@link #MAX_RECORD_CHARS} is a
 * problem too.
 */
final class CsvRecordCursor implements Closeable {

    static final int MAX_RECORD_CHARS = 1_000_000;
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final int QUOTED_LINE_LENGTH = 120;

    /**
     * @param line the physical line where the record starts, from 1
     * @param cells the cells as read; empty when the record has a problem
     * @param problem why the record could not be read, or null
     */
    record Record(long line, List<String> cells, String problem) {
    }

    private final Path file;
    private final CSVFormat format;
    private FileChannel channel;
    private RecordSizeGuard guard;
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    private long lineOffset;
    private long lastRecordLine;

    private CsvRecordCursor(Path file, CSVFormat format) {
        this.file = file;
        this.format = format;
    }

    /** Opens the file so that the first record read is the one starting at physical line {@code fromLine}. */
    static CsvRecordCursor open(Path file, CSVFormat format, long fromLine) throws IOException {
        CsvRecordCursor cursor = new CsvRecordCursor(file, format);
        cursor.openAt(fromLine);
        return cursor;
    }

    /** The next record, or null at the end of the file. */
    Record next() throws IOException {
        while (true) {
            long line = lineOffset + parser.getCurrentLineNumber() + 1;
            guard.startRecord();
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException unreadable) {
                String problem = describe(unreadable);
                String text = openAt(line + 1);
                lastRecordLine = line;
                return new Record(line, List.of(), problem + "; the line reads: " + quote(text));
            }
            lastRecordLine = line;
            List<String> cells = record.toList();
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            return new Record(line, cells, null);
        }
    }

    /** The physical line where the record after the last one read starts (or would start). */
    long nextRecordLine() {
        return Math.max(lastRecordLine + 1, lineOffset + parser.getCurrentLineNumber() + 1);
    }

    /** How far into the file the cursor has read, in bytes (read-ahead included). */
    long bytesRead() {
        try {
            return channel.position();
        } catch (IOException closed) {
            return 0;
        }
    }

    @Override
    public void close() throws IOException {
        if (parser != null) {
            parser.close();
        }
        if (channel != null) {
            channel.close();
        }
    }

    /**
     * (Re)opens the file positioned at the start of physical line {@code line}, counting line ends as
     * the parser does (CR, LF or CRLF).
     *
     * @return the text of the line before it, for a problem message
     */
    private String openAt(long line) throws IOException {
        close();
        channel = FileChannel.open(file);
        BufferedReader reader = new BufferedReader(
                new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8), 64 * 1024);
        String previous = "";
        if (line == 1) {
            reader.mark(1);
            if (reader.read() != BYTE_ORDER_MARK) {
                reader.reset();
            }
        }
        for (long skipped = 1; skipped < line; skipped++) {
            String text = reader.readLine();
            if (text == null) {
                break;
            }
            previous = text;
        }
        guard = new RecordSizeGuard(reader);
        parser = CSVParser.parse(guard, format);
        records = parser.iterator();
        lineOffset = line - 1;
        return previous.startsWith(String.valueOf(BYTE_ORDER_MARK)) ? previous.substring(1) : previous;
    }

    private static String describe(RuntimeException unreadable) {
        String message = String.valueOf(unreadable.getCause() != null ? unreadable.getCause().getMessage()
                : unreadable.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "a quoted cell is never closed (a quote is missing)";
        }
        if (message.contains("Invalid character between encapsulated token and delimiter")) {
            return "text follows a closing quote (a quote inside a quoted cell must be doubled: \"\")";
        }
        if (message.contains(RecordSizeGuard.TOO_LONG)) {
            return "the record is longer than " + MAX_RECORD_CHARS + " characters (is a quote missing, or a cell far too long?)";
        }
        return "the record cannot be read: " + message.replaceAll("\\s+", " ");
    }

    private static String quote(String text) {
        String shown = text.length() > QUOTED_LINE_LENGTH ? text.substring(0, QUOTED_LINE_LENGTH) + "…" : text;
        return "[" + VisibleText.of(shown) + "]";
    }

    /** Fails a record that reads more than MAX_RECORD_CHARS, so that an unclosed quote cannot swallow the file. */
    private static final class RecordSizeGuard extends FilterReader {

        static final String TOO_LONG = "record too long";
        private long charsSinceStart;

        RecordSizeGuard(Reader in) {
            super(in);
        }

        void startRecord() {
            charsSinceStart = 0;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            count(c < 0 ? 0 : 1);
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws IOException {
            charsSinceStart += n;
            if (charsSinceStart > MAX_RECORD_CHARS) {
                throw new IOException(TOO_LONG);
            }
        }
    }
}
