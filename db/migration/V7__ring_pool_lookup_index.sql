-- A RingPool is looked up by (network_id, id_from_network), its unique key. The campaign index began with
-- network_id too, and on a table without statistics (autovacuum off, or not yet run after a bulk load)
-- PostgreSQL rated both indexes alike and could pick the campaign one: every lookup then filtered all of
-- the network's pools (90-120 ms at 28,500 pools, measured), and writes slowed down as the table grew.
-- Holding only the campaign's columns, this index can serve the campaign listing it exists for and nothing
-- else (with network_id or id_from_network in it, even behind, the planner still chose it for lookups).
DROP INDEX api_ring_pool_by_campaign;
CREATE INDEX api_ring_pool_by_campaign ON api_ring_pool (advertiser_id_from_network, campaign_id_from_network);
