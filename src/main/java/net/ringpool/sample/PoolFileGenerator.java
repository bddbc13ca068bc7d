package net.ringpool.sample;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import net.ringpool.pool.CsvLayout;
import net.ringpool.pool.RingPoolField;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes large, deterministic import files: the same settings always give the same bytes. Rows spread
 * over advertisers and campaigns; a share of them carries one deliberate mistake each, and those rows'
 * id_from_network ends in {@value #INVALID_SUFFIX} so that a check can tell them apart.
 */
public final class PoolFileGenerator {

    public static final String INVALID_SUFFIX = "-x";
    private static final List<String> POOL_TYPES = RingPoolField.POOL_TYPES;

    /**
     * @param idPrefix the start of every id_from_network, so that files of different runs do not collide
     */
    public record Spec(long rows, double invalidShare, long seed, int advertisers, int campaignsPerAdvertiser,
            String idPrefix) {

        public Spec {
            if (rows < 0 || invalidShare < 0 || invalidShare > 1 || advertisers < 1 || campaignsPerAdvertiser < 1) {
                throw new IllegalArgumentException("rows >= 0, 0 <= invalid share <= 1, advertisers and campaigns >= 1");
            }
        }
    }

    /** How many rows were written, and how many of them are invalid. */
    public record Written(long rows, long invalid) {
    }

    private PoolFileGenerator() {
    }

    public static List<String> columns() {
        List<String> columns = new ArrayList<>(CsvLayout.columns());
        columns.removeAll(CsvLayout.READ_ONLY);
        return columns;
    }

    public static Written write(Path file, Spec spec) throws IOException {
        Random random = new Random(spec.seed());
        List<String> columns = columns();
        long invalid = 0;
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            printer.printRecord(columns);
            for (long i = 0; i < spec.rows(); i++) {
                boolean mistake = random.nextDouble() < spec.invalidShare();
                Map<String, String> row = validRow(i, spec, random);
                if (mistake) {
                    addMistake(row, random);
                    row.put(RingPoolField.ID_FROM_NETWORK, row.get(RingPoolField.ID_FROM_NETWORK) + INVALID_SUFFIX);
                    invalid++;
                }
                List<String> cells = new ArrayList<>(columns.size());
                columns.forEach(column -> cells.add(row.getOrDefault(column, "")));
                printer.printRecord(cells);
            }
        }
        return new Written(spec.rows(), invalid);
    }

    private static Map<String, String> validRow(long i, Spec spec, Random random) {
        Map<String, String> row = new LinkedHashMap<>();
        long advertiser = i % spec.advertisers();
        long campaign = (i / spec.advertisers()) % spec.campaignsPerAdvertiser();
        row.put(CsvLayout.ADVERTISER_ID, "adv-" + advertiser);
        row.put(CsvLayout.CAMPAIGN_ID, "camp-" + advertiser + "-" + campaign);
        row.put(RingPoolField.ID_FROM_NETWORK, String.format(Locale.ROOT, "%s%08d", spec.idPrefix(), i));
        row.put(RingPoolField.NAME, "Generated pool " + i);
        row.put(RingPoolField.POOL_TYPE, POOL_TYPES.get(random.nextInt(POOL_TYPES.size())));
        row.put(RingPoolField.DESTINATION_TYPE, random.nextInt(4) == 0 ? "API" : "Advertiser");
        row.put(RingPoolField.DESTINATION_URL, "https://www.example.com/landing/" + i);
        if (random.nextBoolean()) {
            row.put(RingPoolField.TRACKING_URL, "https://track.example.com/t?pool=" + i);
        }
        row.put(RingPoolField.LIFETIME_SECONDS, String.valueOf(60 * (1 + random.nextInt(60))));
        row.put(RingPoolField.MAX_POOL_SIZE, String.valueOf(1 + random.nextInt(20)));
        row.put(RingPoolField.PREFERRED, String.valueOf(random.nextBoolean()));
        row.put(RingPoolField.IS_FIRST_PREFERENCE, String.valueOf(random.nextInt(10) == 0));
        row.put(RingPoolField.param(1), "source-" + random.nextInt(50));
        row.put(RingPoolField.param(2), random.nextBoolean() ? "cpc" : "display");
        switch (random.nextInt(10)) {
            case 0 -> {
                row.put(RingPoolField.LOCAL_CENTER_TN_PREFIX, String.valueOf(200 + random.nextInt(800)));
                row.put(RingPoolField.TN_PREFIX_WHITELIST, (200 + random.nextInt(800)) + "|" + (200 + random.nextInt(800)));
            }
            case 1 -> row.put(RingPoolField.LOCAL_CENTER_ZIPCODE, String.format(Locale.ROOT, "%05d", random.nextInt(100_000)));
            default -> {
            }
        }
        return row;
    }

    private static void addMistake(Map<String, String> row, Random random) {
        switch (random.nextInt(6)) {
            case 0 -> row.put(RingPoolField.NAME, "");
            case 1 -> row.put(RingPoolField.POOL_TYPE, "Billboard");
            case 2 -> row.put(RingPoolField.DESTINATION_URL, "www.example.com/no-scheme");
            case 3 -> row.put(RingPoolField.MAX_POOL_SIZE, "0");
            case 4 -> {
                row.remove(RingPoolField.LOCAL_CENTER_TN_PREFIX);
                row.remove(RingPoolField.LOCAL_CENTER_ZIPCODE);
                row.put(RingPoolField.LOCAL_CENTER_LATITUDE, "34.42");
            }
            default -> row.put(RingPoolField.TN_PREFIX_WHITELIST, "80");
        }
    }
}
