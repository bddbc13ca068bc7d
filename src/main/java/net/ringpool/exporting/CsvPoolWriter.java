package net.ringpool.exporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import net.ringpool.pool.ColumnMapping;
import net.ringpool.pool.CsvLayout;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Writes rows to the export file in the layout of a column mapping (our own layout by default), RFC 4180
 * quoted, every cell neutralised so that no spreadsheet runs it as a formula. Each chunk is flushed.
 */
class CsvPoolWriter implements ItemStreamWriter<PoolRow> {

    private final ExportFile file;
    private final ColumnMapping mapping;
    private final CSVFormat format;
    private final boolean byteOrderMark;
    private final int[] columns;
    private CSVPrinter printer;

    CsvPoolWriter(ExportFile file, ColumnMapping mapping, char delimiter, boolean byteOrderMark) {
        this.file = file;
        this.mapping = mapping;
        this.format = format(delimiter);
        this.byteOrderMark = byteOrderMark;
        this.columns = mapping.ourColumns().stream().mapToInt(PoolRow::indexOf).toArray();
    }

    /** RFC 4180 (CRLF, quotes only where needed) with the chosen delimiter. */
    static CSVFormat format(char delimiter) {
        return CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
    }

    @Override
    public void open(ExecutionContext executionContext) {
        try {
            Writer out = file.create();
            if (byteOrderMark) {
                out.write('\uFEFF');
            }
            printer = new CSVPrinter(out, format);
            printer.printRecord(mapping.theirHeaders());
        } catch (IOException e) {
            throw new ExportFailedException("cannot write " + file.target() + ": " + describe(e));
        }
    }

    @Override
    public void write(Chunk<? extends PoolRow> chunk) throws IOException {
        List<String> record = new ArrayList<>(columns.length);
        for (PoolRow row : chunk) {
            record.clear();
            for (int column : columns) {
                record.add(CsvLayout.neutralise(row.cells().get(column)));
            }
            printer.printRecord(record);
        }
        printer.flush();
    }

    /** An IOException's message is often just the path; say what happened to it. */
    static String describe(IOException e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2");
        return e.getMessage() == null ? kind : kind + " (" + e.getMessage() + ")";
    }

    @Override
    public void close() {
        if (printer != null) {
            try {
                printer.close(true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot finish " + file.target(), e);
            } finally {
                printer = null;
            }
        }
    }
}
