package net.ringpool.api;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.ringpool.pool.RingPool;
import net.ringpool.pool.RingPoolField;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/** The RingPools endpoints of the 2016-10-01 API, as the seed document describes them. */
@RestController
@RequestMapping(path = ApiPaths.CAMPAIGN, produces = MediaType.APPLICATION_JSON_VALUE)
class RingPoolController {

    private final RingPoolStore pools;
    private final ParentStore parents;
    private final Authenticator authenticator;
    private final ServeSettings settings;

    RingPoolController(RingPoolStore pools, ParentStore parents, Authenticator authenticator, ServeSettings settings) {
        this.pools = pools;
        this.parents = parents;
        this.authenticator = authenticator;
        this.settings = settings;
    }

    @GetMapping("/ring_pools.json")
    Mono<ResponseEntity<Object>> list(@PathVariable String networkId, @PathVariable String advertiserId,
            @PathVariable String campaignId, ServerWebExchange exchange) {
        authenticator.authorize(exchange, networkId, null);
        return Blocking.call(() -> {
            requireCampaign(networkId, advertiserId, campaignId);
            List<Object> body = pools.list(networkId, advertiserId, campaignId).stream()
                    .map(pool -> (Object) RingPoolJson.write(withLinks(pool, exchange)))
                    .toList();
            return ResponseEntity.ok((Object) body);
        });
    }

    @PostMapping("/ring_pools.json")
    Mono<ResponseEntity<Object>> create(@PathVariable String networkId, @PathVariable String advertiserId,
            @PathVariable String campaignId, @RequestBody(required = false) Map<String, Object> body,
            ServerWebExchange exchange) {
        Map<String, Object> request = body == null ? Map.of() : body;
        authenticator.authorize(exchange, networkId, request);
        PathIds.checkCampaign(advertiserId, campaignId);
        boolean generateIds = settings.autoIdNetworks().contains(networkId);
        RingPool pool = RingPoolJson.read(request, !generateIds);
        RingPool identified = pool.idFromNetwork() != null ? pool
                : pool.withIdFromNetwork(UUID.randomUUID().toString().replace("-", "").substring(0, 16));
        return save(networkId, advertiserId, campaignId, identified, exchange);
    }

    @GetMapping("/ring_pools/{poolId}.json")
    Mono<ResponseEntity<Object>> read(@PathVariable String networkId, @PathVariable String advertiserId,
            @PathVariable String campaignId, @PathVariable String poolId, ServerWebExchange exchange) {
        authenticator.authorize(exchange, networkId, null);
        return Blocking.call(() -> {
            RingPoolStore.Located found = pools.find(networkId, poolId)
                    .filter(p -> p.advertiserId().equals(advertiserId) && p.campaignId().equals(campaignId))
                    .orElseThrow(() -> ApiException.notFound("Could not find RingPool " + poolId
                            + " for advertiser campaign " + campaignId + " and advertiser " + advertiserId));
            return ResponseEntity.ok((Object) RingPoolJson.write(withLinks(found.pool(), exchange)));
        });
    }

    @RequestMapping(path = "/ring_pools/{poolId}.json", method = {RequestMethod.PUT, RequestMethod.POST})
    Mono<ResponseEntity<Object>> update(@PathVariable String networkId, @PathVariable String advertiserId,
            @PathVariable String campaignId, @PathVariable String poolId,
            @RequestBody(required = false) Map<String, Object> body, ServerWebExchange exchange) {
        Map<String, Object> request = body == null ? Map.of() : body;
        authenticator.authorize(exchange, networkId, request);
        PathIds.checkCampaign(advertiserId, campaignId);
        Object sentId = request.get(RingPoolField.ID_FROM_NETWORK);
        if (sentId != null && !String.valueOf(sentId).isEmpty() && !String.valueOf(sentId).equals(poolId)) {
            throw ApiException.fieldErrors(Map.of(RingPoolField.ID_FROM_NETWORK,
                    List.of("does not match the RingPool in the URL (" + poolId + ")")));
        }
        // the URL's id is validated like a sent one: it becomes the pool's key
        Map<String, Object> identified = new LinkedHashMap<>(request);
        identified.put(RingPoolField.ID_FROM_NETWORK, poolId);
        return save(networkId, advertiserId, campaignId, RingPoolJson.read(identified, true), exchange);
    }

    @DeleteMapping("/ring_pools/{poolId}.json")
    Mono<ResponseEntity<Object>> delete(@PathVariable String networkId, @PathVariable String advertiserId,
            @PathVariable String campaignId, @PathVariable String poolId, ServerWebExchange exchange) {
        authenticator.authorize(exchange, networkId, null);
        return Blocking.call(() -> {
            pools.delete(networkId, advertiserId, campaignId, poolId);
            return ResponseEntity.ok((Object) Map.of());
        });
    }

    private Mono<ResponseEntity<Object>> save(String networkId, String advertiserId, String campaignId, RingPool pool,
            ServerWebExchange exchange) {
        return Blocking.call(() -> {
            if (settings.strict()) {
                requireCampaign(networkId, advertiserId, campaignId);
            } else {
                parents.saveCampaign(networkId, advertiserId, campaignId, null);
            }
            RingPoolStore.Upserted saved = pools.upsert(networkId, advertiserId, campaignId, pool);
            // The seed's Local RingPool example answers 200 to the creating POST; the generic create answers 201.
            HttpStatus status = saved.created() && !pool.isLocal() ? HttpStatus.CREATED : HttpStatus.OK;
            return ResponseEntity.status(status).body((Object) RingPoolJson.write(withLinks(saved.pool(), exchange)));
        });
    }

    private void requireCampaign(String networkId, String advertiserId, String campaignId) {
        if (parents.campaign(networkId, advertiserId, campaignId).isEmpty()) {
            throw ApiException.notFound("Could not find AdvertiserCampaign " + campaignId + " for advertiser "
                    + advertiserId);
        }
    }

    /** The read-only links, built from the address the client used to reach this server. */
    private static RingPool withLinks(RingPool pool, ServerWebExchange exchange) {
        URI uri = exchange.getRequest().getURI();
        String base = uri.getScheme() + "://" + uri.getRawAuthority();
        return pool.withGenerated(pool.id(), base + "/a_campaigns/ring_pools/" + pool.id(),
                base + "/ring_pools/" + pool.id() + "/test_click",
                base + "/api/2015-12-09/ring_pools/" + pool.id() + "/allocate_number.json", pool.apiKey());
    }
}
