package net.ringpool.importing;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;

import net.ringpool.client.RingPoolClient;
import net.ringpool.outcome.OutcomeStatus;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * For {@code --only-changed}: the current pools of the campaigns a chunk touches, read with one list
 * request per campaign (a 404 campaign has none), ahead of the chunk when {@link CampaignPrefetch} names
 * them, and kept up to date with the rows sent since. Each pool is kept as its writable cells ({@link ApiPool}),
 * without the fields the API generates; a pool the validator refuses is there all the same, and matches no row.
 * The least recently used campaigns are forgotten beyond a bound, so memory does not grow with the file;
 * a campaign whose list could not be read stays unknown and its rows are sent. Rows of one chunk are sent
 * concurrently, hence the locking.
 */
class CampaignPools implements PoolKnowledge {

    record Campaign(String advertiserId, String campaignId) {
    }

    /** Campaign lists read before a chunk asks for them. */
    static final int CAMPAIGNS_READ_AHEAD = 8;

    private final RingPoolClient client;
    private final int concurrency;
    private final Map<Campaign, Map<String, ApiPool>> campaigns;
    /** Campaigns being read, or read ahead and not asked for yet; each is read once. */
    private final Map<Campaign, Mono<Map<String, ApiPool>>> reading = new HashMap<>();
    /** Those of {@link #reading} that hold one of the {@link #ahead} places. */
    private final Set<Campaign> readAhead = new HashSet<>();
    private final Semaphore ahead;

    /**
     * @param maxCampaigns how many campaigns' pools are kept, the least recently used forgotten first
     * @param maxAhead how many campaigns {@link #prefetch} reads before a chunk asks for them
     */
    CampaignPools(RingPoolClient client, int concurrency, int maxCampaigns, int maxAhead) {
        this.client = client;
        this.concurrency = concurrency;
        this.ahead = new Semaphore(maxAhead);
        this.campaigns = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Campaign, Map<String, ApiPool>> eldest) {
                return size() > maxCampaigns;
            }
        };
    }

    /** The lists of one import step: a chunk's worth of campaigns twice over (at least 1,000) kept. */
    static CampaignPools forStep(RingPoolClient client, ImportSettings settings) {
        return new CampaignPools(client, settings.concurrency(), Math.max(1000, 2 * settings.chunkSize()),
                CAMPAIGNS_READ_AHEAD);
    }

    /**
     * Starts reading a campaign that rows further on in the input belong to, unless it is known or on its way;
     * waits while {@code maxAhead} campaigns read ahead have not been asked for yet. One that is never asked for
     * (its rows invalid, say) keeps its place: the lookahead shrinks, and chunks read what they need themselves.
     */
    void prefetch(Campaign campaign) throws InterruptedException {
        synchronized (this) {
            if (campaigns.containsKey(campaign) || reading.containsKey(campaign)) {
                return;
            }
        }
        ahead.acquire();
        Mono<Map<String, ApiPool>> started;
        synchronized (this) {
            if (campaigns.containsKey(campaign) || reading.containsKey(campaign)) {
                ahead.release();
                return;
            }
            started = read(campaign).cache();
            reading.put(campaign, started);
            readAhead.add(campaign);
        }
        started.subscribe(pools -> { }, failed -> { });
    }

    /**
     * Gives up the campaigns read ahead that no chunk has asked for, and their places: for a step that starts
     * elsewhere in the input than the read-ahead did. Call it once nothing reads ahead any more.
     */
    synchronized void forgetReadAhead() {
        for (Campaign campaign : readAhead) {
            reading.remove(campaign);
            ahead.release();
        }
        readAhead.clear();
    }

    /** Reads the campaigns of these rows that are not known yet, or waits for them if they are being read ahead. */
    @Override
    public void load(Collection<PoolRequest> rows) {
        Map<Campaign, Mono<Map<String, ApiPool>>> needed = new LinkedHashMap<>();
        synchronized (this) {
            for (PoolRequest row : rows) {
                Campaign campaign = campaign(row);
                if (campaigns.containsKey(campaign) || needed.containsKey(campaign)) {
                    continue;
                }
                Mono<Map<String, ApiPool>> pools = reading.get(campaign);
                if (pools == null) {
                    pools = read(campaign).cache();
                    reading.put(campaign, pools);
                } else if (readAhead.remove(campaign)) {
                    ahead.release();
                }
                needed.put(campaign, pools);
            }
        }
        // outside the lock, so that reading ahead goes on meanwhile
        List<Map.Entry<Campaign, Map<String, ApiPool>>> loaded = null;
        try {
            loaded = Flux.fromIterable(needed.entrySet())
                    .flatMap(entry -> entry.getValue().map(pools -> Map.entry(entry.getKey(), pools)), concurrency)
                    .collectList()
                    .block();
        } finally {
            synchronized (this) {
                if (loaded != null) {
                    loaded.forEach(entry -> campaigns.put(entry.getKey(), entry.getValue()));
                }
                needed.keySet().forEach(reading::remove);
            }
        }
    }

    @Override
    public synchronized CurrentPool current(PoolRequest row) {
        Map<String, ApiPool> pools = campaigns.get(campaign(row));
        if (pools == null || row.idFromNetwork() == null) {
            return CurrentPool.UNKNOWN;
        }
        ApiPool pool = pools.get(row.idFromNetwork());
        return pool == null ? CurrentPool.ABSENT : CurrentPool.present(pool);
    }

    @Override
    public synchronized void remember(PoolRequest row, SendResult result) {
        Map<String, ApiPool> pools = campaigns.get(campaign(row));
        if (pools == null || row.idFromNetwork() == null) {
            return;
        }
        if (result.status() == OutcomeStatus.CREATED || result.status() == OutcomeStatus.UPDATED) {
            pools.put(row.idFromNetwork(), ApiPool.written(row));
        } else if (result.status() == OutcomeStatus.DELETED) {
            pools.remove(row.idFromNetwork());
        }
    }

    /** A campaign's pools by id_from_network; empty when the campaign does not exist; none when unreadable. */
    private Mono<Map<String, ApiPool>> read(Campaign campaign) {
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
            Map<String, ApiPool> pools = new HashMap<>();
            ApiPools.elementsById(answer.body()).forEach((id, json) -> pools.put(id, ApiPool.of(json)));
            return Mono.just(pools);
        });
    }

    private static Campaign campaign(PoolRequest row) {
        return new Campaign(row.advertiserId(), row.campaignId());
    }
}
