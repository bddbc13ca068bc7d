package net.ringpool.numbers;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import net.ringpool.numbers.NumberInventory.Allocated;
import net.ringpool.numbers.NumberInventory.Role;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Brings the numbers of one pool in line with its settings: {@code max_pool_size} tracking numbers,
 * local ones first for a Local RingPool (nearest first, see {@link LocalSearch}), toll-free for the
 * rest, and one toll-free overflow number. Numbers the pool already holds are kept where they still
 * belong, so that visitors keep theirs; the others go back to the inventory.
 *
 * <p>Safe to run for many pools at once, in one or several {@code serve}s: numbers are taken by
 * {@link NumberInventory#claim}, and a number lost to another pool is simply replaced by the next.
 */
@Component
class Allocator {

    private static final Logger log = LoggerFactory.getLogger(Allocator.class);

    private final NumberPoolStore pools;
    private final NumberInventory inventory;
    private final LocalSearch search;

    Allocator(NumberPoolStore pools, NumberInventory inventory, LocalSearch search) {
        this.pools = pools;
        this.inventory = inventory;
        this.search = search;
    }

    void allocate(long ringPoolId) {
        Optional<NumberPool> found = pools.find(ringPoolId);
        if (found.isEmpty()) {
            return;
        }
        AllocationSettings settings = found.get().settings();
        OffsetDateTime now = OffsetDateTime.now();
        List<Allocated> held = inventory.allocated(ringPoolId);
        int size = settings.poolSize();

        Set<String> local = settings.isLocal() ? local(ringPoolId, settings, size, held, now) : Set.of();
        List<String> release = new ArrayList<>();
        held.stream().filter(n -> n.role() == Role.TRACKING && !n.tollFree() && !local.contains(n.number()))
                .forEach(n -> release.add(n.number()));

        List<String> tollFree = held.stream().filter(n -> n.role() == Role.TRACKING && n.tollFree())
                .map(Allocated::number).toList();
        int tollFreeSlots = size - local.size();
        tollFree.stream().skip(tollFreeSlots).forEach(release::add);
        int claimedTollFree = tollFree(ringPoolId, Math.max(0, tollFreeSlots - tollFree.size()), Role.TRACKING, now);

        List<String> overflow = held.stream().filter(n -> n.role() == Role.OVERFLOW).map(Allocated::number).toList();
        overflow.stream().skip(1).forEach(release::add);
        if (overflow.isEmpty()) {
            tollFree(ringPoolId, 1, Role.OVERFLOW, now);
        }
        inventory.release(ringPoolId, release);
        log.debug("pool {}: {} local, {} toll-free tracking numbers; released {}", ringPoolId, local.size(),
                Math.min(tollFree.size(), tollFreeSlots) + claimedTollFree, release.size());
    }

    /** Up to {@code size} local numbers: held ones where they still rank, claimed ones elsewhere. */
    private Set<String> local(long ringPoolId, AllocationSettings settings, int size, List<Allocated> held,
            OffsetDateTime now) {
        List<String> heldLocal = held.stream().filter(n -> n.role() == Role.TRACKING && !n.tollFree())
                .map(Allocated::number).sorted(Comparator.naturalOrder()).toList();
        Set<String> chosen = new LinkedHashSet<>();
        for (TnPrefix prefix : search.prefixes(settings)) {
            if (chosen.size() >= size) {
                break;
            }
            for (String number : heldLocal) {
                if (chosen.size() < size && prefix.contains(number)) {
                    chosen.add(number);
                }
            }
            inventory.ensure(prefix);
            while (chosen.size() < size) {
                List<String> candidates = inventory.freeLocal(prefix, size - chosen.size());
                if (candidates.isEmpty()) {
                    break;
                }
                chosen.addAll(inventory.claim(ringPoolId, candidates, Role.TRACKING, now));
            }
        }
        return chosen;
    }

    /** Claims {@code count} toll-free numbers, generating exchanges as the inventory runs short. */
    private int tollFree(long ringPoolId, int count, Role role, OffsetDateTime now) {
        int won = 0;
        while (won < count) {
            List<String> candidates = inventory.freeTollFree(count - won);
            if (candidates.isEmpty()) {
                inventory.addTollFreeExchange();
            } else {
                won += inventory.claim(ringPoolId, candidates, role, now).size();
            }
        }
        return won;
    }
}
