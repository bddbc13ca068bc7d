package net.ringpool.exporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import net.ringpool.pool.RingPoolField;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the bare JSON arrays the list endpoints answer: one element at a time, so that only the rows
 * of a campaign are held, never its parsed JSON as a whole. Floats become BigDecimal, so that a
 * coordinate is written exactly as the API sent it.
 */
final class ApiLists {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // the parser reads one element of the array at a time; the rest of the array is not "trailing"
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Comparator<PoolRow> BY_POOL_ID = Comparator.comparing(PoolRow::idFromNetwork, ExportOrder.IDS);

    private ApiLists() {
    }

    /**
     * The rows of a campaign's pools, in the export order.
     *
     * @throws IllegalArgumentException when the body is not a JSON array of objects
     */
    static List<PoolRow> pools(CampaignRef campaign, String body) {
        List<PoolRow> rows = new ArrayList<>();
        forEachObject(body, json -> rows.add(PoolRow.fromJson(campaign, json)));
        rows.sort(BY_POOL_ID);
        return rows;
    }

    /**
     * The id_from_network of every advertiser or campaign of a list, in the export order.
     *
     * @throws IllegalArgumentException when the body is not a JSON array of objects with ids
     */
    static List<String> ids(String body) {
        List<String> ids = new ArrayList<>();
        forEachObject(body, json -> {
            Object id = json.get(RingPoolField.ID_FROM_NETWORK);
            if (id == null || String.valueOf(id).isEmpty()) {
                throw new IllegalArgumentException("an element of the list has no id_from_network");
            }
            ids.add(String.valueOf(id));
        });
        ids.sort(ExportOrder.IDS);
        return ids;
    }

    @SuppressWarnings("unchecked")
    private static void forEachObject(String body, java.util.function.Consumer<Map<String, Object>> action) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException("the answer is not a JSON array");
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
                action.accept(JSON.readValue(parser, Map.class));
            }
            if (token != JsonToken.END_ARRAY) {
                throw new IllegalArgumentException("the answer's array holds something other than objects");
            }
        } catch (JacksonException malformed) {
            throw new IllegalArgumentException("the answer is not valid JSON: " + malformed.getOriginalMessage());
        }
    }
}
