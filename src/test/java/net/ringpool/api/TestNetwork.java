package net.ringpool.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A network of the server under test, the one token that grants it, and the paths of its API. */
record TestNetwork(String id, String token) {

    private static final AtomicInteger NEXT_ID = new AtomicInteger(8001);

    /**
     * Networks no other test of this JVM uses. Pool ids are unique per network, so a test in a network
     * of its own can use the seed's fixed ids ("12", "395") on a PostgreSQL database other tests share.
     */
    static List<TestNetwork> reserve(int count) {
        List<TestNetwork> networks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int id = NEXT_ID.getAndIncrement();
            networks.add(new TestNetwork(String.valueOf(id), "token-of-" + id));
        }
        return networks;
    }

    String advertisers() {
        return "/api/2016-10-01/" + id + "/advertisers.json";
    }

    String advertiser(String advertiserId) {
        return "/api/2016-10-01/" + id + "/advertisers/" + advertiserId + ".json";
    }

    String campaigns(String advertiserId) {
        return "/api/2016-10-01/" + id + "/advertisers/" + advertiserId + "/advertiser_campaigns.json";
    }

    String campaign(String advertiserId, String campaignId) {
        return "/api/2016-10-01/" + id + "/advertisers/" + advertiserId + "/advertiser_campaigns/" + campaignId + ".json";
    }

    String pools(String advertiserId, String campaignId) {
        return "/api/2016-10-01/" + id + "/advertisers/" + advertiserId + "/advertiser_campaigns/" + campaignId
                + "/ring_pools.json";
    }

    String pool(String advertiserId, String campaignId, String poolId) {
        return "/api/2016-10-01/" + id + "/advertisers/" + advertiserId + "/advertiser_campaigns/" + campaignId
                + "/ring_pools/" + poolId + ".json";
    }
}
