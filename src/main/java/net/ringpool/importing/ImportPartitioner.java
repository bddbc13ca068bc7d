package net.ringpool.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits an import into partitions by campaign: small campaigns are grouped, a campaign larger than a
 * partition's share is cut into line ranges. The rows of a campaign slice stay in file order within
 * one partition, so rows of the same pool are sent one after the other unless a large campaign is cut
 * between them. Each partition's context carries its slices and the import's non-secret settings.
 */
class ImportPartitioner implements Partitioner {

    private final ImportSettings settings;

    ImportPartitioner(ImportSettings settings) {
        this.settings = settings;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, long[]> positions = positionsByCampaign();
        List<PartitionSlices> partitions = split(positions, gridSize);
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        for (int i = 0; i < partitions.size(); i++) {
            ExecutionContext context = new ExecutionContext();
            context.putString(PartitionSlices.KEY, partitions.get(i).encode());
            context.putLong("import.partition.rows", partitions.get(i).rows(positions));
            PartitionSettings.put(settings, context);
            contexts.put(String.format("partition%03d", i), context);
        }
        return contexts;
    }

    /** Every row's position, by campaign, in file order. */
    private Map<String, long[]> positionsByCampaign() {
        Map<String, Positions> byCampaign = new LinkedHashMap<>();
        CsvRowReader reader = new CsvRowReader(settings.files(), settings.csv());
        reader.open(new ExecutionContext());
        try {
            for (CsvRow row = reader.read(); row != null; row = reader.read()) {
                byCampaign.computeIfAbsent(PartitionSlices.campaignOf(row), key -> new Positions())
                        .add(PartitionSlices.position(row.fileIndex(), row.line()));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the input to partition it: " + e.getMessage(), e);
        } finally {
            reader.close();
        }
        Map<String, long[]> positions = new LinkedHashMap<>();
        byCampaign.forEach((campaign, list) -> positions.put(campaign, list.toArray()));
        return positions;
    }

    /** Cuts campaigns over a partition's share into ranges, then deals the slices out largest first. */
    static List<PartitionSlices> split(Map<String, long[]> positions, int gridSize) {
        long total = positions.values().stream().mapToLong(list -> list.length).sum();
        long share = Math.max(1, (total + gridSize - 1) / gridSize);
        record Sized(PartitionSlices.Slice slice, long rows) {
        }
        List<Sized> slices = new ArrayList<>();
        positions.forEach((campaign, list) -> {
            for (int start = 0; start < list.length; start += (int) share) {
                int end = (int) Math.min(list.length, start + share) - 1;
                long from = start == 0 ? 0 : list[start];
                long to = end == list.length - 1 ? Long.MAX_VALUE : list[end];
                slices.add(new Sized(new PartitionSlices.Slice(campaign, from, to), end - start + 1));
            }
        });
        slices.sort(Comparator.comparingLong(Sized::rows).reversed());
        List<List<PartitionSlices.Slice>> partitions = new ArrayList<>();
        long[] sizes = new long[Math.min(gridSize, Math.max(1, slices.size()))];
        for (int i = 0; i < sizes.length; i++) {
            partitions.add(new ArrayList<>());
        }
        for (Sized sized : slices) {
            int smallest = 0;
            for (int i = 1; i < sizes.length; i++) {
                if (sizes[i] < sizes[smallest]) {
                    smallest = i;
                }
            }
            partitions.get(smallest).add(sized.slice());
            sizes[smallest] += sized.rows();
        }
        return partitions.stream().map(PartitionSlices::new).toList();
    }

    private static final class Positions {
        private long[] values = new long[16];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
