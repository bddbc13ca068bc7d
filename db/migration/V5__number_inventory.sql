-- Phone numbers of the `serve` API: an inventory generated one exchange (NPA-NXX block) at a time when
-- an allocation first needs it, the allocation settings of every RingPool, the numbers each pool holds
-- and which visitor of the number allocation API holds which number until when.

CREATE TABLE number_block (
    npa VARCHAR(3) NOT NULL,
    nxx VARCHAR(3) NOT NULL,
    CONSTRAINT number_block_key PRIMARY KEY (npa, nxx)
);

CREATE TABLE number_inventory (
    number VARCHAR(10) NOT NULL,
    npa VARCHAR(3) NOT NULL,
    nxx VARCHAR(3) NOT NULL,
    toll_free BOOLEAN NOT NULL,
    CONSTRAINT number_inventory_key PRIMARY KEY (number)
);

CREATE INDEX number_inventory_by_exchange ON number_inventory (npa, nxx, number);
CREATE INDEX number_inventory_by_kind ON number_inventory (toll_free, number);

-- A copy of what allocation needs from api_ring_pool, kept by the API's save events; allocate_after is
-- when the next (re)allocation is due, NULL when none is.
CREATE TABLE number_pool (
    ring_pool_id BIGINT NOT NULL,
    network_id VARCHAR(64) NOT NULL,
    advertiser_id_from_network VARCHAR(255) NOT NULL,
    campaign_id_from_network VARCHAR(255) NOT NULL,
    id_from_network VARCHAR(255) NOT NULL,
    api_key VARCHAR(64) NOT NULL,
    lifetime_seconds INTEGER,
    max_pool_size INTEGER,
    landing_url VARCHAR(2048),
    local_center_tn_prefix VARCHAR(6),
    local_center_zipcode VARCHAR(10),
    local_center_latitude NUMERIC(12, 8),
    local_center_longitude NUMERIC(12, 8),
    tn_prefix_whitelist VARCHAR(1024),
    allocate_after TIMESTAMP WITH TIME ZONE,
    allocation_started_at TIMESTAMP WITH TIME ZONE,
    allocated_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT number_pool_key PRIMARY KEY (ring_pool_id),
    CONSTRAINT number_pool_ring_pool FOREIGN KEY (ring_pool_id) REFERENCES api_ring_pool (id) ON DELETE CASCADE
);

CREATE INDEX number_pool_due ON number_pool (allocate_after);
CREATE INDEX number_pool_by_network ON number_pool (network_id, id_from_network);

-- The primary key on number alone is what keeps a number out of two pools at once; allocators race
-- for a number by inserting it and keep it only when their insert won.
CREATE TABLE number_allocation (
    number VARCHAR(10) NOT NULL,
    ring_pool_id BIGINT NOT NULL,
    role VARCHAR(16) NOT NULL,
    allocated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT number_allocation_key PRIMARY KEY (number),
    CONSTRAINT number_allocation_pool_number UNIQUE (ring_pool_id, number),
    CONSTRAINT number_allocation_role CHECK (role IN ('tracking', 'overflow')),
    CONSTRAINT number_allocation_inventory FOREIGN KEY (number) REFERENCES number_inventory (number),
    CONSTRAINT number_allocation_pool FOREIGN KEY (ring_pool_id) REFERENCES number_pool (ring_pool_id)
        ON DELETE CASCADE
);

-- A tracking number handed to one visitor stays theirs until expires_at; releasing the number from
-- its pool drops the hold.
CREATE TABLE number_hold (
    number VARCHAR(10) NOT NULL,
    ring_pool_id BIGINT NOT NULL,
    visitor VARCHAR(64) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT number_hold_key PRIMARY KEY (number),
    CONSTRAINT number_hold_allocation FOREIGN KEY (ring_pool_id, number)
        REFERENCES number_allocation (ring_pool_id, number) ON DELETE CASCADE
);

CREATE INDEX number_hold_by_visitor ON number_hold (ring_pool_id, visitor);

-- Pools saved before this migration get their first allocation at the next start of serve.
INSERT INTO number_pool (ring_pool_id, network_id, advertiser_id_from_network, campaign_id_from_network,
        id_from_network, api_key, lifetime_seconds, max_pool_size, landing_url, local_center_tn_prefix,
        local_center_zipcode, local_center_latitude, local_center_longitude, tn_prefix_whitelist, allocate_after)
SELECT id, network_id, advertiser_id_from_network, campaign_id_from_network, id_from_network, api_key,
        lifetime_seconds, max_pool_size, COALESCE(tracking_url, destination_url), local_center_tn_prefix,
        local_center_zipcode, local_center_latitude, local_center_longitude, tn_prefix_whitelist, CURRENT_TIMESTAMP
FROM api_ring_pool;
