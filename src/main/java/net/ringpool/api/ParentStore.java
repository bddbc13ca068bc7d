package net.ringpool.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Advertisers and their campaigns, the parents an export walks to find every RingPool of a network. */
@Repository
class ParentStore {

    private final JdbcClient jdbc;
    /**
     * Campaigns known to exist. The API cannot delete a campaign (nor an advertiser that has one), so once
     * seen a campaign stays: a RingPool write under it skips the two parent upserts, a third of the
     * statements of a write.
     */
    private final Set<List<String>> knownCampaigns = ConcurrentHashMap.newKeySet();

    ParentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An advertiser or a campaign: the network's id for it and its name. */
    record Parent(Long id, String idFromNetwork, String name) {
    }

    List<Parent> advertisers(String networkId) {
        return jdbc.sql("SELECT id, id_from_network, name FROM api_advertiser WHERE network_id = ? ORDER BY id_from_network")
                .param(networkId)
                .query(Parent.class)
                .list();
    }

    Optional<Parent> advertiser(String networkId, String advertiserId) {
        return jdbc.sql("SELECT id, id_from_network, name FROM api_advertiser WHERE network_id = ? AND id_from_network = ?")
                .params(networkId, advertiserId)
                .query(Parent.class)
                .optional();
    }

    List<Parent> campaigns(String networkId, String advertiserId) {
        return jdbc.sql("SELECT id, id_from_network, name FROM api_campaign WHERE network_id = ? "
                        + "AND advertiser_id_from_network = ? ORDER BY id_from_network")
                .params(networkId, advertiserId)
                .query(Parent.class)
                .list();
    }

    Optional<Parent> campaign(String networkId, String advertiserId, String campaignId) {
        return jdbc.sql("SELECT id, id_from_network, name FROM api_campaign WHERE network_id = ? "
                        + "AND advertiser_id_from_network = ? AND id_from_network = ?")
                .params(networkId, advertiserId, campaignId)
                .query(Parent.class)
                .optional();
    }

    /** Creates the advertiser, or renames it when {@code name} is given; returns whether it was created. */
    boolean saveAdvertiser(String networkId, String advertiserId, String name) {
        OffsetDateTime now = OffsetDateTime.now();
        int inserted = jdbc.sql("INSERT INTO api_advertiser (network_id, id_from_network, name, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(networkId, advertiserId, name == null ? advertiserId : name, now, now)
                .update();
        if (inserted == 0 && name != null) {
            jdbc.sql("UPDATE api_advertiser SET name = ?, updated_at = ? WHERE network_id = ? AND id_from_network = ?")
                    .params(name, now, networkId, advertiserId)
                    .update();
        }
        return inserted > 0;
    }

    /** Creates the campaign (and its advertiser), or renames it when {@code name} is given; returns whether it was created. */
    boolean saveCampaign(String networkId, String advertiserId, String campaignId, String name) {
        List<String> key = List.of(networkId, advertiserId, campaignId);
        if (name == null && knownCampaigns.contains(key)) {
            return false;
        }
        boolean created = insertCampaign(networkId, advertiserId, campaignId, name);
        knownCampaigns.add(key);
        return created;
    }

    private boolean insertCampaign(String networkId, String advertiserId, String campaignId, String name) {
        saveAdvertiser(networkId, advertiserId, null);
        OffsetDateTime now = OffsetDateTime.now();
        int inserted = jdbc.sql("INSERT INTO api_campaign (network_id, advertiser_id_from_network, id_from_network, name, "
                        + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(networkId, advertiserId, campaignId, name == null ? campaignId : name, now, now)
                .update();
        if (inserted == 0 && name != null) {
            jdbc.sql("UPDATE api_campaign SET name = ?, updated_at = ? WHERE network_id = ? "
                            + "AND advertiser_id_from_network = ? AND id_from_network = ?")
                    .params(name, now, networkId, advertiserId, campaignId)
                    .update();
        }
        return inserted > 0;
    }

    boolean hasCampaigns(String networkId, String advertiserId) {
        return jdbc.sql("SELECT COUNT(*) FROM api_campaign WHERE network_id = ? AND advertiser_id_from_network = ?")
                .params(networkId, advertiserId)
                .query(Integer.class)
                .single() > 0;
    }

    boolean deleteAdvertiser(String networkId, String advertiserId) {
        return jdbc.sql("DELETE FROM api_advertiser WHERE network_id = ? AND id_from_network = ?")
                .params(networkId, advertiserId)
                .update() > 0;
    }
}
