package net.ringpool.importing;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.ringpool.client.RingPoolClient;
import net.ringpool.outcome.OutcomeStatus;
import net.ringpool.pool.RingPool;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * For {@code --only-changed}: the current pools of the campaigns a chunk touches, read with one list
 * request per campaign (a 404 campaign has none) and kept up to date with the rows sent since. The
 * least recently used campaigns are forgotten beyond a bound, so memory does not grow with the file; a
 * campaign whose list could not be read stays unknown and its rows are sent. Rows of one chunk are sent
 * concurrently, hence the locking.
 */
class CampaignPools {

    record Campaign(String advertiserId, String campaignId) {
    }

    private final RingPoolClient client;
    private final int concurrency;
    private final Map<Campaign, Map<String, Listed>> campaigns;

    CampaignPools(RingPoolClient client, int concurrency, int maxCampaigns) {
        this.client = client;
        this.concurrency = concurrency;
        this.campaigns = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Campaign, Map<String, Listed>> eldest) {
                return size() > maxCampaigns;
            }
        };
    }

    /**
     * Reads the campaigns of these rows that are not known yet.
     *
     * @throws TokenRefusedException when the API answers 401
     */
    synchronized void load(Collection<PoolRequest> rows) {
        Set<Campaign> missing = new LinkedHashSet<>();
        for (PoolRequest row : rows) {
            Campaign campaign = campaign(row);
            if (!campaigns.containsKey(campaign)) {
                missing.add(campaign);
            }
        }
        List<Map.Entry<Campaign, Map<String, Listed>>> loaded = Flux.fromIterable(missing)
                .flatMap(campaign -> read(campaign).map(pools -> Map.entry(campaign, pools)), concurrency)
                .collectList()
                .block();
        if (loaded != null) {
            loaded.forEach(entry -> campaigns.put(entry.getKey(), entry.getValue()));
        }
    }

    synchronized CurrentPool current(PoolRequest row) {
        Map<String, Listed> pools = campaigns.get(campaign(row));
        if (pools == null || row.idFromNetwork() == null) {
            return CurrentPool.UNKNOWN;
        }
        Listed listed = pools.get(row.idFromNetwork());
        RingPool pool = listed == null ? null : listed.pool();
        return pool == null ? CurrentPool.ABSENT : CurrentPool.present(pool);
    }

    /** Keeps the campaign's pools in step with a row just sent, for later rows of the same pool. */
    synchronized void remember(PoolRequest row, SendResult result) {
        Map<String, Listed> pools = campaigns.get(campaign(row));
        if (pools == null || row.idFromNetwork() == null) {
            return;
        }
        if (result.status() == OutcomeStatus.CREATED || result.status() == OutcomeStatus.UPDATED) {
            pools.put(row.idFromNetwork(), new Listed(row.pool()));
        } else if (result.status() == OutcomeStatus.DELETED) {
            pools.remove(row.idFromNetwork());
        }
    }

    /** A campaign's pools by id_from_network; empty when the campaign does not exist; none when unreadable. */
    private Mono<Map<String, Listed>> read(Campaign campaign) {
        return client.listPools(campaign.advertiserId(), campaign.campaignId()).flatMap(answer -> {
            if (answer.isUnauthorized()) {
                return Mono.error(new TokenRefusedException(client.settings().networkId()));
            }
            if (answer.status() == 404) {
                return Mono.just(new HashMap<>());
            }
            if (!answer.isSuccess()) {
                return Mono.empty();
            }
            Map<String, Listed> pools = new HashMap<>();
            ApiPools.elementsById(answer.body()).forEach((id, json) -> pools.put(id, new Listed(json)));
            return Mono.just(pools);
        });
    }

    /**
     * A pool of a campaign: as the list answered it until a row asks for it, then as the validator reads
     * it (null when it refuses it, which a row sees as absent). Guarded by the enclosing instance.
     */
    private static final class Listed {

        private Map<?, ?> json;
        private RingPool pool;

        Listed(Map<?, ?> json) {
            this.json = json;
        }

        Listed(RingPool pool) {
            this.pool = pool;
        }

        RingPool pool() {
            if (json != null) {
                pool = ApiPools.pool(json);
                json = null;
            }
            return pool;
        }
    }

    private static Campaign campaign(PoolRequest row) {
        return new Campaign(row.advertiserId(), row.campaignId());
    }
}
