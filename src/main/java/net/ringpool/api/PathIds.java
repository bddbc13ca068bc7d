package net.ringpool.api;

import net.ringpool.pool.RingPoolValidator;

/**
 * Advertiser and campaign ids taken from a write's URL become key columns of the store, so they are
 * checked as an id in a body is: an over-long one answered 500 from the database before.
 */
final class PathIds {

    static final String ADVERTISER = "advertiser_id_from_network";
    static final String CAMPAIGN = "advertiser_campaign_id_from_network";

    private PathIds() {
    }

    static void checkAdvertiser(String advertiserId) {
        RingPoolValidator.Errors errors = new RingPoolValidator.Errors();
        RingPoolValidator.checkId(errors, ADVERTISER, advertiserId);
        throwIfAny(errors);
    }

    static void checkCampaign(String advertiserId, String campaignId) {
        RingPoolValidator.Errors errors = new RingPoolValidator.Errors();
        RingPoolValidator.checkId(errors, ADVERTISER, advertiserId);
        RingPoolValidator.checkId(errors, CAMPAIGN, campaignId);
        throwIfAny(errors);
    }

    private static void throwIfAny(RingPoolValidator.Errors errors) {
        if (!errors.isEmpty()) {
            throw ApiException.fieldErrors(errors.byField());
        }
    }
}
