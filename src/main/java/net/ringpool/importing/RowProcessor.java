package net.ringpool.importing;

import static net.ringpool.pool.RingPoolField.ID_FROM_NETWORK;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.ringpool.client.PoolJson;
import net.ringpool.pool.CsvLayout;
import net.ringpool.pool.RingPoolField;
import net.ringpool.pool.RingPoolValidator;
import net.ringpool.pool.Validation;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Validates a row with the API's own rules plus the URL ids and the action, naming every problem of the
 * row in one message, and turns a valid row into the API's request body. Never filters: every row goes
 * on to the writer, which records its outcome.
 */
class RowProcessor implements ItemProcessor<CsvRow, PoolRequest> {

    /** What the decoder puts where the bytes are not UTF-8. */
    private static final char NOT_UTF_8 = '\uFFFD';

    private final boolean networkGeneratesIds;

    RowProcessor(boolean networkGeneratesIds) {
        this.networkGeneratesIds = networkGeneratesIds;
    }

    @Override
    public PoolRequest process(CsvRow row) {
        String advertiserId = row.value(CsvLayout.ADVERTISER_ID);
        String campaignId = row.value(CsvLayout.CAMPAIGN_ID);
        String idText = row.value(ID_FROM_NETWORK);
        String idFromNetwork = idText.isEmpty() ? null : idText;
        String actionText = row.value(CsvLayout.ACTION);
        RowAction action = RowAction.parse(actionText);
        String recordedAction = action == null ? actionText : action.label();
        if (row.problem() != null) {
            return new PoolRequest(row.fileIndex(), row.line(), advertiserId, campaignId, idFromNetwork,
                    recordedAction, action, null, null, row.problem());
        }

        RingPoolValidator.Errors errors = new RingPoolValidator.Errors();
        row.values().forEach((column, value) -> {
            if (value.indexOf(NOT_UTF_8) >= 0) {
                errors.add(column, "is not UTF-8 text (save the file as \"CSV UTF-8\")");
            }
        });
        checkUrlId(errors, CsvLayout.ADVERTISER_ID, advertiserId);
        checkUrlId(errors, CsvLayout.CAMPAIGN_ID, campaignId);
        if (action == null) {
            errors.add(CsvLayout.ACTION, "must be one of " + RowAction.CHOICES + " (empty means upsert)");
        }
        Validation validation = null;
        if (action == RowAction.DELETE) {
            checkUrlId(errors, ID_FROM_NETWORK, idText);
        } else {
            boolean idRequired = !networkGeneratesIds || action == RowAction.UPDATE;
            validation = RingPoolValidator.validate(row.values(),
                    PoolJson.splitWhitelist(row.values().get(RingPoolField.TN_PREFIX_WHITELIST)), idRequired);
        }
        Map<String, List<String>> problems = merge(errors, validation);
        if (!problems.isEmpty()) {
            return new PoolRequest(row.fileIndex(), row.line(), advertiserId, campaignId, idFromNetwork,
                    recordedAction, action, null, null, Validation.describe(problems));
        }
        if (action == RowAction.DELETE) {
            return new PoolRequest(row.fileIndex(), row.line(), advertiserId, campaignId, idFromNetwork,
                    recordedAction, action, null, null, null);
        }
        return new PoolRequest(row.fileIndex(), row.line(), advertiserId, campaignId, idFromNetwork, recordedAction,
                action, validation.pool(), row.values(), null);
    }

    /** An id that becomes a segment of the request URL. */
    private static void checkUrlId(RingPoolValidator.Errors errors, String column, String id) {
        if (id.isEmpty()) {
            errors.add(column, "can't be blank");
            return;
        }
        if (id.codePointCount(0, id.length()) > RingPoolValidator.MAX_TEXT_LENGTH) {
            errors.add(column, "is too long (maximum is " + RingPoolValidator.MAX_TEXT_LENGTH + " characters)");
        }
        RingPoolValidator.checkSafeId(errors, column, id);
    }

    private static Map<String, List<String>> merge(RingPoolValidator.Errors errors, Validation validation) {
        Map<String, List<String>> all = new LinkedHashMap<>(errors.byField());
        if (validation != null) {
            validation.errors().forEach((field, messages) -> all.merge(field, messages, (a, b) -> {
                List<String> merged = new ArrayList<>(a);
                merged.addAll(b);
                return merged;
            }));
        }
        return all;
    }
}
