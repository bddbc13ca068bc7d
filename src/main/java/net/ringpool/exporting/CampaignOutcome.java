package net.ringpool.exporting;

/**
 * How reading one campaign ended.
 *
 * @param campaignId null when the advertiser's campaigns could not be listed ({@code --all})
 * @param httpStatus the last answer's status, 0 when there was none
 * @param poolCount the pools written for the campaign
 * @param message what went wrong, in the API's words; null when exported
 */
public record CampaignOutcome(String advertiserId, String campaignId, CampaignStatus status, int httpStatus,
        int attempts, int poolCount, String message) {

    public boolean failed() {
        return status != CampaignStatus.EXPORTED;
    }

    /** {@code ADVERTISER/CAMPAIGN}, or {@code ADVERTISER/*} for an advertiser whose campaigns could not be listed. */
    public String campaign() {
        return advertiserId + "/" + (campaignId == null ? "*" : campaignId);
    }
}
