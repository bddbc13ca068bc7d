package net.ringpool.numbers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import net.ringpool.api.NetworkAccess;
import net.ringpool.numbers.NumberInventory.Allocated;
import net.ringpool.numbers.NumberInventory.Role;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A serve extension, not part of Invoca's API: the numbers a RingPool holds and where its allocation
 * stands, under the pool's own URL and with the same token rules, so that tests and an export can read them.
 */
@RestController
class PoolNumbersController {

    private final NumberPoolStore pools;
    private final NumberInventory inventory;
    private final NetworkAccess access;

    PoolNumbersController(NumberPoolStore pools, NumberInventory inventory, NetworkAccess access) {
        this.pools = pools;
        this.inventory = inventory;
        this.access = access;
    }

    @GetMapping(path = "/api/2016-10-01/{networkId}/advertisers/{advertiserId}/advertiser_campaigns/{campaignId}"
            + "/ring_pools/{poolId}/numbers.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> numbers(@PathVariable String networkId, @PathVariable String advertiserId,
            @PathVariable String campaignId, @PathVariable String poolId, ServerWebExchange exchange) {
        access.authorize(exchange, networkId);
        return Mono.fromCallable(() -> {
            Optional<NumberPool> found = pools.find(networkId, poolId)
                    .filter(pool -> pool.advertiserId().equals(advertiserId) && pool.campaignId().equals(campaignId));
            if (found.isEmpty()) {
                return ResponseEntity.status(HttpStatus.NOT_FOUND).body((Object) Map.of("errors", Map.of(
                        "class", "RecordNotFound", "invalid_data", "Could not find RingPool " + poolId
                                + " for advertiser campaign " + campaignId + " and advertiser " + advertiserId)));
            }
            return ResponseEntity.ok((Object) json(found.get(), inventory.allocated(found.get().ringPoolId())));
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static Map<String, Object> json(NumberPool pool, List<Allocated> numbers) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", pool.ringPoolId());
        json.put("id_from_network", pool.idFromNetwork());
        json.put("allocation_status", pool.status().name().toLowerCase(Locale.ROOT));
        json.put("allocated_at", pool.allocatedAt() == null ? null : pool.allocatedAt().toInstant().toString());
        json.put("numbers", numbers.stream().filter(n -> n.role() == Role.TRACKING).map(PoolNumbersController::json).toList());
        json.put("overflow_number", numbers.stream().filter(n -> n.role() == Role.OVERFLOW).findFirst()
                .map(PoolNumbersController::json).orElse(null));
        return json;
    }

    private static Map<String, Object> json(Allocated number) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("promo_number", number.number());
        json.put("promo_number_formatted", AllocationFormat.formatted(number.number()));
        json.put("toll_free", number.tollFree());
        return json;
    }
}
