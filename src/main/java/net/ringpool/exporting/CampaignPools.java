package net.ringpool.exporting;

import java.util.List;

import net.ringpool.client.ApiResult;

/**
 * What reading one campaign gave: its rows in the export order, or why there are none.
 *
 * @param campaignId null when the advertiser's campaigns could not be listed
 * @param problem why a successful answer could not be used, else null
 */
record CampaignPools(String advertiserId, String campaignId, ApiResult result, List<PoolRow> rows, String problem) {

    static CampaignPools read(CampaignRef campaign, ApiResult result) {
        if (!result.isSuccess()) {
            return new CampaignPools(campaign.advertiserId(), campaign.campaignId(), result, List.of(), null);
        }
        try {
            return new CampaignPools(campaign.advertiserId(), campaign.campaignId(), result,
                    ApiLists.pools(campaign, result.body()), null);
        } catch (IllegalArgumentException unusable) {
            return new CampaignPools(campaign.advertiserId(), campaign.campaignId(), result, List.of(),
                    unusable.getMessage());
        }
    }

    /** An advertiser of {@code --all} whose campaign list could not be read. */
    static CampaignPools unlisted(String advertiserId, ApiResult result, String problem) {
        return new CampaignPools(advertiserId, null, result, List.of(), problem);
    }

    boolean unauthorized() {
        return result.isUnauthorized();
    }

    CampaignOutcome outcome() {
        CampaignStatus status;
        String message;
        if (result.isSuccess() && problem == null) {
            status = CampaignStatus.EXPORTED;
            message = null;
        } else if (result.isSuccess()) {
            status = CampaignStatus.FAILED;
            message = problem;
        } else if (result.isPermanentFailure()) {
            status = CampaignStatus.REJECTED;
            message = result.describe();
        } else {
            status = CampaignStatus.FAILED;
            message = result.describe() + " (gave up after " + result.attempts()
                    + (result.attempts() == 1 ? " attempt)" : " attempts)");
        }
        if (campaignId == null && message != null) {
            message = "cannot list the advertiser's campaigns: " + message;
        }
        return new CampaignOutcome(advertiserId, campaignId, status, result.status(), result.attempts(), rows.size(),
                message);
    }
}
