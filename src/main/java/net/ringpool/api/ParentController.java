package net.ringpool.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.ringpool.pool.RingPoolValidator;

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

/**
 * Advertisers and advertiser campaigns: enough of their endpoints (id_from_network and name) for an
 * export to walk a whole network. Campaigns have no DELETE in Invoca's API; an advertiser that still
 * has campaigns cannot be deleted. Under {@code --strict} a campaign needs its advertiser to exist.
 */
@RestController
@RequestMapping(path = ApiPaths.NETWORK, produces = MediaType.APPLICATION_JSON_VALUE)
class ParentController {

    private static final String ID_FROM_NETWORK = "id_from_network";

    private final ParentStore parents;
    private final Authenticator authenticator;
    private final ServeSettings settings;

    ParentController(ParentStore parents, Authenticator authenticator, ServeSettings settings) {
        this.parents = parents;
        this.authenticator = authenticator;
        this.settings = settings;
    }

    @GetMapping("/advertisers.json")
    Mono<ResponseEntity<Object>> advertisers(@PathVariable String networkId, ServerWebExchange exchange) {
        authenticator.authorize(exchange, networkId, null);
        return Blocking.call(() -> ResponseEntity.ok((Object) parents.advertisers(networkId).stream()
                .map(ParentController::json).toList()));
    }

    @PostMapping("/advertisers.json")
    Mono<ResponseEntity<Object>> createAdvertiser(@PathVariable String networkId,
            @RequestBody(required = false) Map<String, Object> body, ServerWebExchange exchange) {
        Map<String, Object> request = body == null ? Map.of() : body;
        authenticator.authorize(exchange, networkId, request);
        String advertiserId = requiredId(request);
        return saveAdvertiser(networkId, advertiserId, request);
    }

    @GetMapping("/advertisers/{advertiserId}.json")
    Mono<ResponseEntity<Object>> advertiser(@PathVariable String networkId, @PathVariable String advertiserId,
            ServerWebExchange exchange) {
        authenticator.authorize(exchange, networkId, null);
        return Blocking.call(() -> ResponseEntity.ok((Object) json(parents.advertiser(networkId, advertiserId)
                .orElseThrow(() -> ApiException.notFound("Could not find Advertiser " + advertiserId)))));
    }

    @RequestMapping(path = "/advertisers/{advertiserId}.json", method = {RequestMethod.PUT, RequestMethod.POST})
    Mono<ResponseEntity<Object>> updateAdvertiser(@PathVariable String networkId, @PathVariable String advertiserId,
            @RequestBody(required = false) Map<String, Object> body, ServerWebExchange exchange) {
        Map<String, Object> request = body == null ? Map.of() : body;
        authenticator.authorize(exchange, networkId, request);
        PathIds.checkAdvertiser(advertiserId);
        return saveAdvertiser(networkId, advertiserId, request);
    }

    @DeleteMapping("/advertisers/{advertiserId}.json")
    Mono<ResponseEntity<Object>> deleteAdvertiser(@PathVariable String networkId, @PathVariable String advertiserId,
            ServerWebExchange exchange) {
        authenticator.authorize(exchange, networkId, null);
        return Blocking.call(() -> {
            if (parents.hasCampaigns(networkId, advertiserId)) {
                throw ApiException.recordInvalid("Cannot delete Advertiser " + advertiserId
                        + " because it has advertiser campaigns.");
            }
            parents.deleteAdvertiser(networkId, advertiserId);
            return ResponseEntity.ok((Object) Map.of());
        });
    }

    @GetMapping("/advertisers/{advertiserId}/advertiser_campaigns.json")
    Mono<ResponseEntity<Object>> campaigns(@PathVariable String networkId, @PathVariable String advertiserId,
            ServerWebExchange exchange) {
        authenticator.authorize(exchange, networkId, null);
        return Blocking.call(() -> {
            parents.advertiser(networkId, advertiserId)
                    .orElseThrow(() -> ApiException.notFound("Could not find Advertiser " + advertiserId));
            return ResponseEntity.ok((Object) parents.campaigns(networkId, advertiserId).stream()
                    .map(ParentController::json).toList());
        });
    }

    @PostMapping("/advertisers/{advertiserId}/advertiser_campaigns.json")
    Mono<ResponseEntity<Object>> createCampaign(@PathVariable String networkId, @PathVariable String advertiserId,
            @RequestBody(required = false) Map<String, Object> body, ServerWebExchange exchange) {
        Map<String, Object> request = body == null ? Map.of() : body;
        authenticator.authorize(exchange, networkId, request);
        PathIds.checkAdvertiser(advertiserId);
        String campaignId = requiredId(request);
        return saveCampaign(networkId, advertiserId, campaignId, request);
    }

    @GetMapping("/advertisers/{advertiserId}/advertiser_campaigns/{campaignId}.json")
    Mono<ResponseEntity<Object>> campaign(@PathVariable String networkId, @PathVariable String advertiserId,
            @PathVariable String campaignId, ServerWebExchange exchange) {
        authenticator.authorize(exchange, networkId, null);
        return Blocking.call(() -> ResponseEntity.ok((Object) json(parents.campaign(networkId, advertiserId, campaignId)
                .orElseThrow(() -> ApiException.notFound("Could not find AdvertiserCampaign " + campaignId
                        + " for advertiser " + advertiserId)))));
    }

    @RequestMapping(path = "/advertisers/{advertiserId}/advertiser_campaigns/{campaignId}.json",
            method = {RequestMethod.PUT, RequestMethod.POST})
    Mono<ResponseEntity<Object>> updateCampaign(@PathVariable String networkId, @PathVariable String advertiserId,
            @PathVariable String campaignId, @RequestBody(required = false) Map<String, Object> body,
            ServerWebExchange exchange) {
        Map<String, Object> request = body == null ? Map.of() : body;
        authenticator.authorize(exchange, networkId, request);
        PathIds.checkCampaign(advertiserId, campaignId);
        return saveCampaign(networkId, advertiserId, campaignId, request);
    }

    private Mono<ResponseEntity<Object>> saveAdvertiser(String networkId, String advertiserId,
            Map<String, Object> request) {
        String name = name(request);
        return Blocking.call(() -> {
            boolean created = parents.saveAdvertiser(networkId, advertiserId, name);
            return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                    .body((Object) json(parents.advertiser(networkId, advertiserId).orElseThrow()));
        });
    }

    private Mono<ResponseEntity<Object>> saveCampaign(String networkId, String advertiserId, String campaignId,
            Map<String, Object> request) {
        String name = name(request);
        return Blocking.call(() -> {
            if (settings.strict() && parents.advertiser(networkId, advertiserId).isEmpty()) {
                throw ApiException.notFound("Could not find Advertiser " + advertiserId);
            }
            boolean created = parents.saveCampaign(networkId, advertiserId, campaignId, name);
            return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                    .body((Object) json(parents.campaign(networkId, advertiserId, campaignId).orElseThrow()));
        });
    }

    private static String requiredId(Map<String, Object> request) {
        Object id = request.get(ID_FROM_NETWORK);
        if (id == null || String.valueOf(id).isBlank()) {
            throw ApiException.fieldErrors(Map.of(ID_FROM_NETWORK, List.of("can't be blank")));
        }
        String text = String.valueOf(id);
        RingPoolValidator.Errors errors = new RingPoolValidator.Errors();
        RingPoolValidator.checkId(errors, ID_FROM_NETWORK, text);
        if (!errors.isEmpty()) {
            throw ApiException.fieldErrors(errors.byField());
        }
        return text;
    }

    private static String name(Map<String, Object> request) {
        Object name = request.get("name");
        if (name == null) {
            return null;
        }
        String text = String.valueOf(name);
        if (text.isBlank() || text.length() > 255) {
            throw ApiException.fieldErrors(Map.of("name", List.of(text.isBlank() ? "can't be blank"
                    : "is too long (maximum is 255 characters)")));
        }
        if (text.indexOf('\u0000') >= 0) {
            // PostgreSQL's text columns cannot hold NUL: the insert failed and answered 500
            throw ApiException.fieldErrors(Map.of("name", List.of("must not contain NUL characters (0x00)")));
        }
        return text;
    }

    private static Map<String, Object> json(ParentStore.Parent parent) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", parent.id());
        json.put("id_from_network", parent.idFromNetwork());
        json.put("name", parent.name());
        return json;
    }
}
