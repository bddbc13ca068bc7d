package net.ringpool.exporting;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import net.ringpool.pool.ColumnMapping;
import net.ringpool.pool.CsvLayout;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads {@code --campaigns-file}: a CSV with the columns advertiser_id_from_network and
 * advertiser_campaign_id_from_network (any other columns are ignored, so an earlier export or import
 * file serves). Headers are matched through the mapping when one is given, else by our names; the
 * delimiter is whichever of , ; or tab the header row uses.
 */
public final class CampaignsFile {

    private CampaignsFile() {
    }

    /**
     * @throws IllegalArgumentException naming the file and line of the first problem
     */
    public static CampaignSelection.Listed read(Path file, ColumnMapping mapping) throws IOException {
        String firstLine;
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            firstLine = lines.findFirst().orElse("");
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(sniffDelimiter(firstLine)).get();
        List<CampaignRef> campaigns = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, format)) {
            int advertiserColumn = -1;
            int campaignColumn = -1;
            for (CSVRecord record : parser) {
                if (record.getRecordNumber() == 1) {
                    for (int i = 0; i < record.size(); i++) {
                        String ours = ourColumn(record.get(i), mapping, i == 0);
                        if (CsvLayout.ADVERTISER_ID.equals(ours) && advertiserColumn < 0) {
                            advertiserColumn = i;
                        } else if (CsvLayout.CAMPAIGN_ID.equals(ours) && campaignColumn < 0) {
                            campaignColumn = i;
                        }
                    }
                    if (advertiserColumn < 0 || campaignColumn < 0) {
                        throw new IllegalArgumentException(file + " line 1: the header needs the columns "
                                + CsvLayout.ADVERTISER_ID + " and " + CsvLayout.CAMPAIGN_ID);
                    }
                    continue;
                }
                String advertiser = cell(record, advertiserColumn);
                String campaign = cell(record, campaignColumn);
                if (advertiser.isEmpty() && campaign.isEmpty()) {
                    continue;
                }
                campaigns.add(CampaignRef.of(advertiser, campaign, file + " line " + parser.getCurrentLineNumber()));
            }
        } catch (IllegalStateException | java.io.UncheckedIOException malformed) {
            throw new IllegalArgumentException(file + ": not a readable CSV file: " + malformed.getMessage());
        }
        if (campaigns.isEmpty()) {
            throw new IllegalArgumentException(file + ": names no campaign");
        }
        return new CampaignSelection.Listed(campaigns, file.getFileName().toString());
    }

    private static String ourColumn(String header, ColumnMapping mapping, boolean first) {
        String cell = first && header.startsWith("\uFEFF") ? header.substring(1) : header;
        Optional<String> mapped = mapping.toOurs(cell);
        return mapped.orElse(CsvLayout.canonical(cell));
    }

    private static String cell(CSVRecord record, int column) {
        return column < record.size() ? CsvLayout.restore(record.get(column)).strip() : "";
    }

    private static char sniffDelimiter(String headerLine) {
        char best = ',';
        long bestCount = headerLine.chars().filter(c -> c == ',').count();
        for (char candidate : new char[] {';', '\t'}) {
            long count = headerLine.chars().filter(c -> c == candidate).count();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }
}
