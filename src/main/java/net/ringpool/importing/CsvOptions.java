package net.ringpool.importing;

import net.ringpool.pool.ColumnMapping;
import net.ringpool.pool.CsvLayout;

import org.apache.commons.csv.CSVFormat;

/**
 * How import reads its CSV files.
 *
 * @param delimiter the cell separator, ',' unless {@code --delimiter}
 * @param ignoreUnknownColumns drop columns the layout does not know instead of refusing the file
 * @param networkGeneratesIds the network creates id_from_network itself, so the column is optional
 * @param mapping the customer's layout ({@code --mapping}): their headers to our columns
 */
public record CsvOptions(char delimiter, boolean ignoreUnknownColumns, boolean networkGeneratesIds,
        ColumnMapping mapping) {

    public CsvOptions(char delimiter, boolean ignoreUnknownColumns, boolean networkGeneratesIds) {
        this(delimiter, ignoreUnknownColumns, networkGeneratesIds, ColumnMapping.identity());
    }

    public static CsvOptions defaults() {
        return new CsvOptions(',', false, false);
    }

    /**
     * Our column for a header cell. With a customer's mapping the mapping is the whole layout: a header
     * it does not name is unknown, even if it spells one of ours; outcome_* columns are ignored as always.
     */
    String ourColumn(String header) {
        String canonical = CsvLayout.canonical(header.replace("\uFEFF", ""));
        return mapping.toOurs(header).orElseGet(() -> mapping.ourColumns().equals(CsvLayout.columns())
                || canonical.startsWith(CsvLayout.OUTCOME_PREFIX) ? canonical : "(not in the mapping) " + header.strip());
    }

    /**
     * RFC 4180 with the chosen delimiter. Empty lines are kept as records, so that the parser's line
     * count tells where every record starts; the cursor drops them.
     */
    CSVFormat format() {
        return CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .get();
    }
}
