package net.ringpool.exporting;

import java.util.List;

import net.ringpool.client.ApiResult;
import net.ringpool.client.RingPoolClient;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reads the selected campaigns' pools from the API, several campaigns at once, and hands them on one
 * campaign at a time in the export order. At most {@code concurrency} campaigns are in flight or waiting,
 * so memory is bounded by the largest campaigns, not by the network. For {@code --all} the advertisers
 * and their campaigns are walked lazily through the list endpoints.
 */
class PoolFetcher {

    private final RingPoolClient client;
    private final int concurrency;

    PoolFetcher(RingPoolClient client, int concurrency) {
        this.client = client;
        this.concurrency = concurrency;
    }

    Flux<CampaignPools> fetch(CampaignSelection selection) {
        return campaigns(selection).flatMapSequential(campaign -> campaign, concurrency, 1);
    }

    /** One not-yet-started read per campaign: flatMapSequential runs them with bounded concurrency, in order. */
    private Flux<Mono<CampaignPools>> campaigns(CampaignSelection selection) {
        if (selection instanceof CampaignSelection.Listed listed) {
            return Flux.fromIterable(listed.campaigns()).map(this::pools);
        }
        // the advertisers' campaign lists are read ahead, several at once and handed on in order: read one
        // at a time, each advertiser's list stalled the campaign reads behind it for a round trip
        return Mono.defer(client::listAdvertisers)
                .flatMapMany(this::advertisers)
                .flatMapSequential(advertiser -> Mono.defer(() -> client.listCampaigns(advertiser))
                        .flatMapMany(result -> campaignsOf(advertiser, result)), concurrency);
    }

    private Flux<String> advertisers(ApiResult result) {
        String network = client.settings().networkId();
        if (result.isUnauthorized()) {
            return Flux.error(CampaignPoolReader.unauthorized(network));
        }
        if (!result.isSuccess()) {
            return Flux.error(new ExportFailedException("cannot list the advertisers of network " + network + ": "
                    + result.describe() + " (after " + result.attempts() + " attempts)"));
        }
        try {
            return Flux.fromIterable(ApiLists.ids(result.body()));
        } catch (IllegalArgumentException unusable) {
            return Flux.error(new ExportFailedException("cannot list the advertisers of network " + network + ": "
                    + unusable.getMessage()));
        }
    }

    private Flux<Mono<CampaignPools>> campaignsOf(String advertiser, ApiResult result) {
        if (!result.isSuccess()) {
            return Flux.just(Mono.just(CampaignPools.unlisted(advertiser, result, null)));
        }
        List<String> campaignIds;
        try {
            campaignIds = ApiLists.ids(result.body());
        } catch (IllegalArgumentException unusable) {
            return Flux.just(Mono.just(CampaignPools.unlisted(advertiser, result, unusable.getMessage())));
        }
        return Flux.fromIterable(campaignIds).map(campaign -> pools(new CampaignRef(advertiser, campaign)));
    }

    private Mono<CampaignPools> pools(CampaignRef campaign) {
        // parsing runs off the HTTP event loop, which serves the other campaigns' answers meanwhile
        return Mono.defer(() -> client.listPools(campaign.advertiserId(), campaign.campaignId()))
                .publishOn(Schedulers.parallel())
                .map(result -> CampaignPools.read(campaign, result));
    }
}
