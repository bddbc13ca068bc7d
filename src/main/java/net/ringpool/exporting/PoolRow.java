package net.ringpool.exporting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.ringpool.client.PoolJson;
import net.ringpool.pool.CsvLayout;
import net.ringpool.pool.RingPoolField;

/**
 * One exported RingPool: its cells in the order of {@link CsvLayout#columns()}, not yet neutralised for
 * spreadsheets. A list rather than a map, so that a campaign's rows held between fetch and write stay small.
 */
public record PoolRow(List<String> cells) {

    private static final List<String> COLUMNS = CsvLayout.columns();
    private static final Map<String, Integer> INDEX = index();

    public PoolRow {
        if (cells.size() != COLUMNS.size()) {
            throw new IllegalArgumentException("a row has " + COLUMNS.size() + " cells, got " + cells.size());
        }
        cells = List.copyOf(cells);
    }

    /** The row of one pool of the campaign, from the API's JSON of it. */
    static PoolRow fromJson(CampaignRef campaign, Map<String, Object> json) {
        Map<String, String> byColumn = PoolJson.cells(json);
        byColumn.put(CsvLayout.ADVERTISER_ID, campaign.advertiserId());
        byColumn.put(CsvLayout.CAMPAIGN_ID, campaign.campaignId());
        List<String> cells = new ArrayList<>(COLUMNS.size());
        for (String column : COLUMNS) {
            cells.add(byColumn.getOrDefault(column, ""));
        }
        return new PoolRow(cells);
    }

    /** A row from cells keyed by column name; columns not given are empty. */
    public static PoolRow of(Map<String, String> byColumn) {
        String[] cells = new String[COLUMNS.size()];
        Arrays.fill(cells, "");
        byColumn.forEach((column, value) -> cells[indexOf(column)] = value == null ? "" : value);
        return new PoolRow(Arrays.asList(cells));
    }

    public String cell(String column) {
        return cells.get(indexOf(column));
    }

    public String idFromNetwork() {
        return cell(RingPoolField.ID_FROM_NETWORK);
    }

    PoolRow withCell(String column, String value) {
        List<String> changed = new ArrayList<>(cells);
        changed.set(indexOf(column), value);
        return new PoolRow(changed);
    }

    static int indexOf(String column) {
        Integer index = INDEX.get(column);
        if (index == null) {
            throw new IllegalArgumentException("not a column of the CSV layout: " + column);
        }
        return index;
    }

    private static Map<String, Integer> index() {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            index.put(COLUMNS.get(i), i);
        }
        return Map.copyOf(index);
    }
}
