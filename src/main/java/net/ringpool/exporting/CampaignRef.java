package net.ringpool.exporting;

import java.util.Comparator;

import net.ringpool.pool.RingPoolValidator;

/** One advertiser campaign of the network, by the network's own ids. */
public record CampaignRef(String advertiserId, String campaignId) {

    /** The export order: advertiser, then campaign. */
    static final Comparator<CampaignRef> ORDER = Comparator.comparing(CampaignRef::advertiserId, ExportOrder.IDS)
            .thenComparing(CampaignRef::campaignId, ExportOrder.IDS);

    /**
     * Parses {@code ADVERTISER/CAMPAIGN}, as {@code --campaign} takes it.
     *
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    public static CampaignRef parse(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1 || text.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("'" + text + "' is not ADVERTISER/CAMPAIGN, e.g. 1/100");
        }
        return of(text.substring(0, slash), text.substring(slash + 1), "'" + text + "'");
    }

    /**
     * @param where names the source in messages, e.g. a file and line
     * @throws IllegalArgumentException when an id is empty or cannot be part of the API's URL
     */
    public static CampaignRef of(String advertiserId, String campaignId, String where) {
        check(advertiserId, "advertiser", where);
        check(campaignId, "campaign", where);
        return new CampaignRef(advertiserId, campaignId);
    }

    private static void check(String id, String what, String where) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException(where + ": the " + what + " id is empty");
        }
        RingPoolValidator.Errors errors = new RingPoolValidator.Errors();
        RingPoolValidator.checkSafeId(errors, what, id);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(where + ": the " + what + " id '" + id + "' "
                    + String.join(", ", errors.byField().get(what)));
        }
    }

    @Override
    public String toString() {
        return advertiserId + "/" + campaignId;
    }
}
