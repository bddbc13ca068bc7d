package net.ringpool.importing;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import net.ringpool.client.RingPoolClient;
import net.ringpool.importing.CampaignPools.Campaign;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * For an import without {@code --only-changed}: which pools exist in the campaigns whose rows carry several
 * Local RingPools, from one list request per campaign instead of a GET per Local row. Invoca answers 200 to a
 * Local pool's PUT whether it created the pool or updated it, so {@link RowSender} reads such a pool first
 * unless its existence is known. Only Local upserts use what is known here; every other row is sent as before.
 * <p>
 * Only ids are kept, and at most {@code maxIds} of them over all campaigns: beyond that the least recently used
 * campaigns are forgotten. A forgotten campaign, one whose list could not be read or held more ids than the
 * bound, and one with a row whose write may or may not have happened (FAILED) is not listed again: its rows go
 * back to the GET. Lists are read a few at a time, since each is held whole while its ids are picked out.
 */
final class LocalPoolIds implements PoolKnowledge {

    /** The ids kept by default: 19 MB of heap for 200,000 ids of 12 characters in a HashSet (99 bytes each). */
    static final long MAX_IDS = 200_000;
    /** A chunk's Local upsert rows of one campaign that make its list worth reading instead of their GETs. */
    static final int MIN_LOCAL_ROWS = 4;
    private static final int LISTS_AT_ONCE = 2;

    private final RingPoolClient client;
    private final long maxIds;
    /** Guarded by this; in access order, the least recently used first. */
    private final Map<Campaign, Set<String>> campaigns = new LinkedHashMap<>(16, 0.75f, true);
    private final Set<Campaign> unlisted = new HashSet<>();
    private long ids;

    LocalPoolIds(RingPoolClient client, long maxIds) {
        this.client = client;
        this.maxIds = maxIds;
    }

    /** Lists the campaigns with at least {@link #MIN_LOCAL_ROWS} of these rows' Local upserts, unless known. */
    @Override
    public void load(Collection<PoolRequest> rows) {
        List<Campaign> toRead;
        synchronized (this) {
            Map<Campaign, Integer> localRows = new LinkedHashMap<>();
            for (PoolRequest row : rows) {
                Campaign campaign = campaign(row);
                if (isLocalUpsert(row) && !campaigns.containsKey(campaign) && !unlisted.contains(campaign)) {
                    localRows.merge(campaign, 1, Integer::sum);
                }
            }
            toRead = localRows.entrySet().stream().filter(entry -> entry.getValue() >= MIN_LOCAL_ROWS)
                    .map(Map.Entry::getKey).toList();
        }
        if (toRead.isEmpty()) {
            return;
        }
        List<Map.Entry<Campaign, Optional<Set<String>>>> lists = Flux.fromIterable(toRead)
                .flatMap(campaign -> read(campaign).map(found -> Map.entry(campaign, found)), LISTS_AT_ONCE)
                .collectList()
                .block();
        if (lists == null) {
            return;
        }
        synchronized (this) {
            for (Map.Entry<Campaign, Optional<Set<String>>> entry : lists) {
                Set<String> found = entry.getValue().orElse(null);
                if (found == null || found.size() > maxIds) {
                    unlisted.add(entry.getKey());
                } else {
                    campaigns.put(entry.getKey(), found);
                    ids += found.size();
                }
            }
            forgetBeyondBound();
        }
    }

    @Override
    public synchronized CurrentPool current(PoolRequest row) {
        Set<String> present = isLocalUpsert(row) ? campaigns.get(campaign(row)) : null;
        if (present == null) {
            return CurrentPool.UNKNOWN;
        }
        return present.contains(row.idFromNetwork()) ? CurrentPool.PRESENT_UNREAD : CurrentPool.ABSENT;
    }

    /** Every row of a known campaign counts, whatever its action: a later Local row may name the same pool. */
    @Override
    public synchronized void remember(PoolRequest row, SendResult result) {
        Campaign campaign = campaign(row);
        Set<String> present = campaigns.get(campaign);
        if (present == null || row.idFromNetwork() == null) {
            return;
        }
        switch (result.status()) {
            case CREATED, UPDATED, UNCHANGED -> {
                if (present.add(row.idFromNetwork())) {
                    ids++;
                    forgetBeyondBound();
                }
            }
            case DELETED -> {
                if (present.remove(row.idFromNetwork())) {
                    ids--;
                }
            }
            // retries ran out: the write may have happened with its answer lost
            case FAILED -> forget(campaign);
            // INVALID, REJECTED and the dry run's VALID wrote nothing
            default -> {
            }
        }
    }

    /** The campaign's ids; none (empty) when it could not be read, an empty set when it does not exist. */
    private Mono<Optional<Set<String>>> read(Campaign campaign) {
        return client.listPools(campaign.advertiserId(), campaign.campaignId()).flatMap(answer -> {
            if (answer.isUnauthorized()) {
                return Mono.error(new TokenRefusedException(client.settings().networkId()));
            }
            if (answer.status() == 404) {
                return Mono.just(Optional.of(new HashSet<>()));
            }
            return Mono.just(answer.isSuccess() ? Optional.ofNullable(ApiPools.ids(answer.body())) : Optional.empty());
        });
    }

    private void forgetBeyondBound() {
        while (ids > maxIds && !campaigns.isEmpty()) {
            forget(campaigns.keySet().iterator().next());
        }
    }

    private void forget(Campaign campaign) {
        Set<String> forgotten = campaigns.remove(campaign);
        if (forgotten != null) {
            ids -= forgotten.size();
        }
        unlisted.add(campaign);
    }

    private static boolean isLocalUpsert(PoolRequest row) {
        return row.action() == RowAction.UPSERT && row.idFromNetwork() != null && row.pool() != null
                && row.pool().isLocal();
    }

    private static Campaign campaign(PoolRequest row) {
        return new Campaign(row.advertiserId(), row.campaignId());
    }
}
