package net.ringpool.importing;

import org.apache.commons.csv.CSVFormat;

/**
 * How import reads its CSV files.
 *
 * @param delimiter the cell separator, ',' unless {@code --delimiter}
 * @param ignoreUnknownColumns drop columns the layout does not know instead of refusing the file
 * @param networkGeneratesIds the network creates id_from_network itself, so the column is optional
 */
public record CsvOptions(char delimiter, boolean ignoreUnknownColumns, boolean networkGeneratesIds) {

    public static CsvOptions defaults() {
        return new CsvOptions(',', false, false);
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
