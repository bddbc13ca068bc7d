package net.ringpool.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class ImportPartitionerTests {

    @Test
    void aLargeCampaignIsCutIntoLineRangesAndEveryRowIsInExactlyOnePartition() {
        // given one campaign of 600 rows interleaved with three small ones, over two files
        Map<String, long[]> positions = new LinkedHashMap<>();
        positions.put("1/big", LongStream.range(0, 600).map(i -> PartitionSlices.position((int) (i / 400), 2 + i * 2))
                .toArray());
        positions.put("1/small-a", LongStream.range(0, 50).map(i -> 3 + i * 2).toArray());
        positions.put("2/small-b", LongStream.range(0, 30).map(i -> PartitionSlices.position(1, 5 + i * 2)).toArray());
        positions.put("/", new long[] {1001});

        // when
        List<PartitionSlices> partitions = ImportPartitioner.split(positions, 4);

        // then each row is in exactly one partition, and the shares are even
        assertThat(partitions).hasSize(4);
        Map<Long, Integer> owners = new HashMap<>();
        positions.forEach((campaign, list) -> {
            for (long position : list) {
                int line = (int) (position & ((1L << 40) - 1));
                int file = (int) (position >>> 40);
                CsvRow row = new CsvRow(file, line, campaign.equals("/") ? Map.of()
                        : Map.of("advertiser_id_from_network", campaign.split("/")[0],
                                "advertiser_campaign_id_from_network", campaign.split("/")[1]), null);
                for (int p = 0; p < partitions.size(); p++) {
                    if (partitions.get(p).contains(row)) {
                        assertThat(owners.put(position, p)).as("row at %d in two partitions", position).isNull();
                    }
                }
            }
        });
        assertThat(owners).hasSize(681);
        assertThat(partitions).allSatisfy(partition -> assertThat(partition.rows(positions)).isBetween(150L, 200L));
    }

    @Test
    void slicesSurviveTheStepExecutionContextAsText() {
        // given
        PartitionSlices slices = new PartitionSlices(List.of(new PartitionSlices.Slice("a\tb/c\nd\\e", 0, 9),
                new PartitionSlices.Slice("/", 12, Long.MAX_VALUE)));

        // when
        PartitionSlices read = PartitionSlices.decode(slices.encode());

        // then
        assertThat(read).isEqualTo(slices);
    }
}
