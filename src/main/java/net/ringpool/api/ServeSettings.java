package net.ringpool.api;

import java.util.Map;
import java.util.Set;

/**
 * How a {@code serve} runs: who may call it, how strictly parents are checked, and which faults it injects.
 *
 * @param tokens API token to the one network it belongs to
 * @param autoIdNetworks networks whose RingPools get a generated id_from_network when none is sent
 * @param strict answer 404 for writes under unknown advertisers or campaigns instead of creating them
 */
public record ServeSettings(Map<String, String> tokens, Set<String> autoIdNetworks, boolean strict,
        FaultSettings faults) {

    public ServeSettings {
        tokens = Map.copyOf(tokens);
        autoIdNetworks = Set.copyOf(autoIdNetworks);
    }
}
