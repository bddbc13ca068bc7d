package net.ringpool.api;

/** URL templates of the 2016-10-01 Network API. */
final class ApiPaths {

    static final String NETWORK = "/api/2016-10-01/{networkId}";
    static final String ADVERTISER = NETWORK + "/advertisers/{advertiserId}";
    static final String CAMPAIGN = ADVERTISER + "/advertiser_campaigns/{campaignId}";

    private ApiPaths() {
    }
}
