package net.ringpool.numbers;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import net.ringpool.api.RingPoolServer;
import net.ringpool.support.TestDatabase;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class LocalAllocationPostgresTests extends LocalAllocationScenarios {

    @Override
    Map<String, Object> database() {
        return TestDatabase.postgres();
    }

    @Test
    void twoServersOnOneDatabaseNeverGiveOneNumberToTwoPools() throws Exception {
        // given a second serve on the same database, both allocating
        try (RingPoolServer rival = startServer()) {
            ServeClient rivalClient = new ServeClient(rival.baseUrl());
            List<String> ids = IntStream.range(0, 50).mapToObj(i -> "rivals-" + i).toList();

            // when fifty pools wanting two numbers of 808, which has forty, are created through both at once
            createConcurrently(ids, id -> ids.indexOf(id) % 2 == 0 ? client : rivalClient, "808");
            List<JsonNode> allocations = ids.stream().map(client::awaitAllocated).toList();

            // then
            assertNoNumberInTwoPools(allocations, "808", 40);
        }
    }
}
