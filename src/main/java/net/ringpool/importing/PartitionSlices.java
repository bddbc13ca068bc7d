package net.ringpool.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.ringpool.pool.CsvLayout;

/**
 * The rows one partition of an import reads: whole campaigns, or a line range of a large campaign. A
 * row belongs to the slice of its campaign whose range holds the row's position, so that no row is in
 * two partitions. Kept in the partition's step execution context as text.
 */
record PartitionSlices(List<Slice> slices) {

    static final String KEY = "import.partition.slices";

    /**
     * @param campaign the campaign key of {@link #campaignOf}
     * @param from the first row position of the slice, inclusive (see {@link #position})
     * @param to the last row position, inclusive
     */
    record Slice(String campaign, long from, long to) {
    }

    PartitionSlices {
        slices = List.copyOf(slices);
    }

    /** A row's campaign; rows that could not be read have an empty campaign and are a campaign of their own. */
    static String campaignOf(CsvRow row) {
        return row.value(CsvLayout.ADVERTISER_ID) + "/" + row.value(CsvLayout.CAMPAIGN_ID);
    }

    /** Orders rows across the files of an import: file first, then line. */
    static long position(int fileIndex, long line) {
        return ((long) fileIndex << 40) | line;
    }

    boolean contains(CsvRow row) {
        String campaign = campaignOf(row);
        long position = position(row.fileIndex(), row.line());
        for (Slice slice : slices) {
            if (slice.campaign().equals(campaign) && position >= slice.from() && position <= slice.to()) {
                return true;
            }
        }
        return false;
    }

    /** How many of these rows (positions by campaign) the slices hold. */
    long rows(Map<String, long[]> positionsByCampaign) {
        long rows = 0;
        for (Slice slice : slices) {
            for (long position : positionsByCampaign.get(slice.campaign())) {
                if (position >= slice.from() && position <= slice.to()) {
                    rows++;
                }
            }
        }
        return rows;
    }

    /** One slice a line, fields separated by tabs; a campaign key cannot hold a line break or a tab from a CSV cell once escaped. */
    String encode() {
        StringBuilder text = new StringBuilder();
        for (Slice slice : slices) {
            text.append(slice.from()).append('\t').append(slice.to()).append('\t')
                    .append(slice.campaign().replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t"))
                    .append('\n');
        }
        return text.toString();
    }

    static PartitionSlices decode(String text) {
        List<Slice> slices = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t", 3);
            slices.add(new Slice(unescape(fields[2]), Long.parseLong(fields[0]), Long.parseLong(fields[1])));
        }
        return new PartitionSlices(slices);
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
