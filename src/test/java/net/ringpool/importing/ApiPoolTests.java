package net.ringpool.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ApiPoolTests {

    private final RowProcessor processor = new RowProcessor(false);

    @Test
    void aRowWithTheApisCellsAsTheyAreMatchesWithoutReadingThePool() {
        // given
        PoolRequest row = row(Map.of("max_pool_size", "5", "preferred", "true", "local_center_zipcode", "02134",
                "tn_prefix_whitelist", "805|806"));
        ApiPool current = ApiPool.of(json(Map.of("max_pool_size", 5, "preferred", true,
                "local_center", Map.of("zipcode", "02134"), "tn_prefix_whitelist", List.of("805", "806"))));

        // when
        boolean sameCells = current.sameCells(row.cells());

        // then
        assertThat(sameCells).isTrue();
        assertThat(current.holds(row)).isTrue();
    }

    @Test
    void cellsOfOtherTextThatReadAsTheSamePoolMatchThroughTheValidator() {
        // given: a whitelist with other separators, a number with a leading zero, a decimal with a trailing one
        PoolRequest row = row(Map.of("max_pool_size", "05", "local_center_latitude", "34.50",
                "local_center_longitude", "-119.7", "tn_prefix_whitelist", "805; 806"));
        ApiPool current = ApiPool.of(json(Map.of("max_pool_size", 5,
                "local_center", Map.of("latitude", new BigDecimal("34.50"), "longitude", new BigDecimal("-119.7")),
                "tn_prefix_whitelist", List.of("805", "806"))));

        // when
        boolean sameCells = current.sameCells(row.cells());

        // then
        assertThat(sameCells).isFalse();
        assertThat(current.holds(row)).isTrue();
    }

    @Test
    void aRowThatChangesAFieldDoesNotMatch() {
        // given
        PoolRequest row = row(Map.of("max_pool_size", "6"));
        ApiPool current = ApiPool.of(json(Map.of("max_pool_size", 5)));

        // when
        boolean holds = current.holds(row);

        // then
        assertThat(holds).isFalse();
        assertThat(current.pool().maxPoolSize()).isEqualTo(5);
    }

    @Test
    void aColumnTheFileLacksIsTheSameAsAnEmptyField() {
        // given: the file has no param2 … param10, tracking_url or local center columns; the API answers them empty
        PoolRequest row = row(Map.of());
        Map<String, Object> answer = json(Map.of("tracking_url", "", "param2", ""));
        answer.put("local_center", null);

        // when
        ApiPool current = ApiPool.of(answer);

        // then
        assertThat(current.sameCells(row.cells())).isTrue();
        assertThat(current.holds(row)).isTrue();
    }

    @Test
    void aPoolTheValidatorRefusesIsHeldButMatchesNoRow() {
        // given: a pool type the validator does not know, and a row with the same cell
        ApiPool current = ApiPool.of(json(Map.of("pool_type", "Billboard")));
        PoolRequest row = row(Map.of());

        // when
        boolean holds = current.holds(row);

        // then
        assertThat(holds).isFalse();
        assertThat(current.pool()).isNull();
    }

    @Test
    void aPoolARowWroteMatchesThatRowAndAnyRowReadingAsTheSamePool() {
        // given
        PoolRequest written = row(Map.of("tn_prefix_whitelist", "805|806"));
        PoolRequest sameAgain = row(Map.of("tn_prefix_whitelist", "805,806"));
        PoolRequest other = row(Map.of("tn_prefix_whitelist", "805"));

        // when
        ApiPool current = ApiPool.written(written);

        // then
        assertThat(current.holds(written)).isTrue();
        assertThat(current.holds(sameAgain)).isTrue();
        assertThat(current.holds(other)).isFalse();
    }

    @Test
    void aDeleteRowMatchesNothing() {
        // given
        PoolRequest delete = processor.process(new CsvRow(0, 2, new LinkedHashMap<>(Map.of(
                "advertiser_id_from_network", "acme", "advertiser_campaign_id_from_network", "spring",
                "id_from_network", "p1", "action", "delete")), null));

        // when
        boolean holds = ApiPool.of(json(Map.of())).holds(delete);

        // then
        assertThat(delete.problem()).isNull();
        assertThat(holds).isFalse();
    }

    /** A minimal pool p1: what the CSV row's cells and the API's JSON both hold, as text. */
    private static final Map<String, String> MINIMAL = Map.of("id_from_network", "p1", "name", "Spring",
            "pool_type", "Search", "destination_type", "Advertiser", "destination_url", "https://example.com/spring",
            "param1", "source");

    /** A valid upsert row of the minimal pool with these cells over its own. */
    private PoolRequest row(Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("advertiser_id_from_network", "acme");
        values.put("advertiser_campaign_id_from_network", "spring");
        values.putAll(MINIMAL);
        values.putAll(overrides);
        PoolRequest row = processor.process(new CsvRow(0, 2, values, null));
        assertThat(row.problem()).isNull();
        return row;
    }

    /** The API's JSON of the minimal pool, with fields the API generates, and these fields over it. */
    private static Map<String, Object> json(Map<String, Object> overrides) {
        Map<String, Object> json = new LinkedHashMap<>(MINIMAL);
        json.put("id", 41L);
        json.put("object_url", "https://api.example.com/ring_pools/p1");
        json.put("api_key", "generated");
        json.putAll(overrides);
        return json;
    }
}
