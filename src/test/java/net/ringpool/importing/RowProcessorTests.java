package net.ringpool.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RowProcessorTests {

    private final RowProcessor processor = new RowProcessor(false);

    @Test
    void aValidRowBecomesTheApisRequestBody() {
        // given
        CsvRow row = row(Map.of("name", "Spring", "pool_type", "Search", "destination_type", "Advertiser",
                "max_pool_size", "3", "local_center_tn_prefix", "805", "tn_prefix_whitelist", "805|805612"));

        // when
        PoolRequest request = processor.process(row);

        // then
        assertThat(request.isInvalid()).isFalse();
        assertThat(request.action()).isEqualTo(RowAction.UPSERT);
        assertThat(request.body()).containsEntry("id_from_network", "p1").containsEntry("max_pool_size", 3)
                .containsEntry("local_center", Map.of("tn_prefix", "805"));
        assertThat(request.body().get("tn_prefix_whitelist")).asList().containsExactly("805", "805612");
    }

    @Test
    void everyProblemOfARowIsNamedInOneMessage() {
        // given
        CsvRow row = row(Map.of("advertiser_id_from_network", "", "name", "", "pool_type", "Billboard",
                "destination_type", "Advertiser", "destination_url", "ftp://x", "max_pool_size", "0",
                "action", "replace"));

        // when
        PoolRequest request = processor.process(row);

        // then
        assertThat(request.problem())
                .contains("advertiser_id_from_network: can't be blank")
                .contains("action: must be one of upsert, create, update, delete")
                .contains("name: can't be blank")
                .contains("pool_type: is not included in the list")
                .contains("destination_url: is not an absolute http(s) URL")
                .contains("max_pool_size: must be greater than or equal to 1");
        assertThat(request.actionText()).isEqualTo("replace");
    }

    @Test
    void aDeleteNeedsOnlyTheIds() {
        // given
        CsvRow row = row(Map.of("name", "", "pool_type", "", "destination_type", "", "action", "DELETE"));

        // when
        PoolRequest request = processor.process(row);

        // then
        assertThat(request.isInvalid()).isFalse();
        assertThat(request.action()).isEqualTo(RowAction.DELETE);
        assertThat(request.body()).isNull();
    }

    @Test
    void idsThatWouldBreakTheUrlAndTextThatIsNotUtf8AreRefused() {
        // given
        CsvRow row = row(Map.of("id_from_network", "a/b", "advertiser_id_from_network", " acme",
                "name", "Caf\uFFFD", "pool_type", "Search", "destination_type", "Advertiser"));

        // when
        PoolRequest request = processor.process(row);

        // then
        assertThat(request.problem()).contains("id_from_network: must not contain / \\ ? # % or control characters")
                .contains("advertiser_id_from_network: must not start or end with white space")
                .contains("name: is not UTF-8 text");
    }

    @Test
    void aNulCharacterMakesTheRowInvalidNamingEachColumnHoldingOne() {
        // given: PostgreSQL, behind the API, cannot store a NUL in text; sent, the row would fail after every retry
        CsvRow row = row(Map.of("name", "Pool\u00007", "param1", "x\u0000y", "pool_type", "Search",
                "destination_type", "Advertiser"));

        // when
        PoolRequest request = processor.process(row);

        // then
        assertThat(request.problem()).isEqualTo("name: must not contain NUL characters (0x00); "
                + "param1: must not contain NUL characters (0x00)");
    }

    @Test
    void aNetworkThatGeneratesIdsNeedsNoIdExceptToUpdate() {
        // given
        RowProcessor generating = new RowProcessor(true);
        Map<String, String> values = Map.of("id_from_network", "", "name", "New", "pool_type", "Search",
                "destination_type", "Advertiser");

        // when
        PoolRequest upsert = generating.process(row(values));
        Map<String, String> update = new LinkedHashMap<>(values);
        update.put("action", "update");
        PoolRequest updateWithoutId = generating.process(row(update));

        // then
        assertThat(upsert.isInvalid()).isFalse();
        assertThat(upsert.idFromNetwork()).isNull();
        assertThat(updateWithoutId.problem()).contains("id_from_network: can't be blank");
    }

    @Test
    void aMalformedRecordStaysInvalidWithItsReadersMessage() {
        // given
        CsvRow row = new CsvRow(0, 7, Map.of(), "line 7: a quoted cell is never closed");

        // when
        PoolRequest request = processor.process(row);

        // then
        assertThat(request.problem()).isEqualTo("line 7: a quoted cell is never closed");
        assertThat(request.line()).isEqualTo(7);
    }

    private static CsvRow row(Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("advertiser_id_from_network", "acme");
        values.put("advertiser_campaign_id_from_network", "spring");
        values.put("id_from_network", "p1");
        values.putAll(overrides);
        return new CsvRow(0, 2, values, null);
    }
}
