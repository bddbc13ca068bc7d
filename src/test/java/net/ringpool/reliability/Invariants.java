package net.ringpool.reliability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.ringpool.pool.RingPool;

import org.junit.jupiter.api.Tag;

/**
 * The promise of an import, checked after every reliability scenario from what the input asks, what the
 * outcome table and outcome file recorded, what the API stores and what it received:
 * <ul>
 * <li>every input line has exactly one outcome, in the table and in {@code outcomes.csv} (lost, duplicated);</li>
 * <li>every valid line ended CREATED or UPDATED and every invalid one INVALID, and the API holds exactly the
 * pools of the valid lines (the last line of an id wins), in their campaigns, with the fields the file asks
 * for (wrong state);</li>
 * <li>no row was sent after its outcome was recorded: no request for its pool reached the API during a later
 * execution, no more requests during its own execution than its recorded attempts, and the stored pool was
 * not written after its success was recorded (sent again, counted with the duplicates).</li>
 * </ul>
 * {@link #check} is pure, so that it can be shown to fail on a broken state; {@link ImportState} gathers its
 * inputs from the database.
 */
@Tag("reliability")
final class Invariants {

    private Invariants() {
    }

    /** One input line as the file asks it; {@code pool} is null for a line that must end INVALID. */
    record Line(long line, String advertiserId, String campaignId, String idFromNetwork, RingPool pool) {
    }

    /** One row of the outcome table. */
    record Outcome(long line, String idFromNetwork, String status, int attempts, long jobExecutionId,
            Instant recordedAt) {
    }

    /** One pool the API stores, with its campaign and its last write. */
    record Stored(String advertiserId, String campaignId, RingPool pool, Instant updatedAt) {
    }

    /**
     * Requests the API received per pool (id_from_network) during each execution of the run, in execution
     * order; null when the API's requests could not be counted.
     */
    record Traffic(List<Long> executions, List<Map<String, Long>> perPool) {

        Traffic {
            if (executions.size() != perPool.size()) {
                throw new IllegalArgumentException(executions.size() + " executions but " + perPool.size()
                        + " windows of requests");
            }
        }
    }

    record Verdict(long rows, long lost, long duplicated, long lostInFile, long duplicatedInFile, long wrongStatus,
            long missingPools, long extraPools, long wrongFields, long sentAgain, long unrecordedRequests,
            long writtenAfterRecorded, List<String> problems) {

        long totalLost() {
            return lost + lostInFile;
        }

        /** Outcomes beyond one per line, and rows sent again after their outcome was recorded. */
        long totalDuplicated() {
            return duplicated + duplicatedInFile + sentAgain + unrecordedRequests + writtenAfterRecorded;
        }

        long wrongState() {
            return wrongStatus + missingPools + extraPools + wrongFields;
        }

        boolean holds() {
            return totalLost() == 0 && totalDuplicated() == 0 && wrongState() == 0;
        }

        ReliabilitySummary.Scenario scenario(String name) {
            return new ReliabilitySummary.Scenario(name, rows, totalLost(), totalDuplicated(), wrongState());
        }

        @Override
        public String toString() {
            return "rows " + rows + ", lost " + lost + " (file " + lostInFile + "), duplicated " + duplicated
                    + " (file " + duplicatedInFile + "), wrong status " + wrongStatus + ", missing pools "
                    + missingPools + ", extra pools " + extraPools + ", wrong fields " + wrongFields
                    + ", sent again " + sentAgain + ", unrecorded requests " + unrecordedRequests
                    + ", written after recorded " + writtenAfterRecorded
                    + (problems.isEmpty() ? "" : "; first problems: " + problems);
        }
    }

    private static final int SHOWN_PROBLEMS = 10;

    /**
     * @param fileLines the {@code outcome_line} of every row of {@code outcomes.csv}, or null to skip that check
     * @param traffic null when the API's requests were not counted
     */
    static Verdict check(List<Line> expected, List<Outcome> outcomes, List<Long> fileLines,
            Map<String, Stored> api, Traffic traffic) {
        List<String> problems = new ArrayList<>();
        Map<Long, Line> byLine = new LinkedHashMap<>();
        expected.forEach(line -> byLine.put(line.line(), line));

        Map<Long, List<Outcome>> outcomesByLine = new HashMap<>();
        outcomes.forEach(outcome -> outcomesByLine.computeIfAbsent(outcome.line(), k -> new ArrayList<>()).add(outcome));
        long lost = 0;
        long duplicated = 0;
        long wrongStatus = 0;
        for (Line line : byLine.values()) {
            List<Outcome> recorded = outcomesByLine.getOrDefault(line.line(), List.of());
            if (recorded.isEmpty()) {
                lost++;
                note(problems, "line " + line.line() + " has no outcome");
                continue;
            }
            if (recorded.size() > 1) {
                duplicated += recorded.size() - 1;
                note(problems, "line " + line.line() + " has " + recorded.size() + " outcomes");
            }
            for (Outcome outcome : recorded) {
                boolean right = line.pool() == null ? outcome.status().equals("INVALID")
                        : outcome.status().equals("CREATED") || outcome.status().equals("UPDATED");
                if (!right) {
                    wrongStatus++;
                    note(problems, "line " + line.line() + " (" + line.idFromNetwork() + ") ended " + outcome.status());
                }
            }
        }
        for (Long line : outcomesByLine.keySet()) {
            if (!byLine.containsKey(line)) {
                duplicated += outcomesByLine.get(line).size();
                note(problems, "outcome for line " + line + ", which the input does not have");
            }
        }

        long lostInFile = 0;
        long duplicatedInFile = 0;
        if (fileLines != null) {
            Map<Long, Long> counted = new HashMap<>();
            fileLines.forEach(line -> counted.merge(line, 1L, Long::sum));
            for (Long line : byLine.keySet()) {
                long times = counted.getOrDefault(line, 0L);
                if (times == 0) {
                    lostInFile++;
                    note(problems, "outcomes.csv lacks line " + line);
                } else if (times > 1) {
                    duplicatedInFile += times - 1;
                    note(problems, "outcomes.csv has line " + line + " " + times + " times");
                }
            }
            for (Map.Entry<Long, Long> entry : counted.entrySet()) {
                if (!byLine.containsKey(entry.getKey())) {
                    duplicatedInFile += entry.getValue();
                    note(problems, "outcomes.csv has line " + entry.getKey() + ", which the input does not have");
                }
            }
        }

        // the state the file asks for: the last valid line of each id
        Map<String, Line> wanted = new LinkedHashMap<>();
        for (Line line : byLine.values()) {
            if (line.pool() != null) {
                wanted.put(line.idFromNetwork(), line);
            }
        }
        long missing = 0;
        long wrongFields = 0;
        for (Line line : wanted.values()) {
            Stored stored = api.get(line.idFromNetwork());
            if (stored == null) {
                missing++;
                note(problems, "pool " + line.idFromNetwork() + " of line " + line.line() + " is not in the API");
            } else if (!stored.advertiserId().equals(line.advertiserId()) || !stored.campaignId().equals(line.campaignId())
                    || !writable(stored.pool()).equals(writable(line.pool()))) {
                wrongFields++;
                note(problems, "pool " + line.idFromNetwork() + " differs from line " + line.line() + ": "
                        + stored.pool() + " in " + stored.advertiserId() + "/" + stored.campaignId());
            }
        }
        long extra = 0;
        for (String id : api.keySet()) {
            if (!wanted.containsKey(id)) {
                extra++;
                note(problems, "pool " + id + " is in the API but no valid line asks for it");
            }
        }

        long writtenAfter = 0;
        for (Outcome outcome : outcomes) {
            Stored stored = outcome.idFromNetwork() == null ? null : api.get(outcome.idFromNetwork());
            boolean succeeded = outcome.status().equals("CREATED") || outcome.status().equals("UPDATED");
            Line line = byLine.get(outcome.line());
            boolean lastLineOfPool = line != null && wanted.get(outcome.idFromNetwork()) == line;
            if (succeeded && lastLineOfPool && stored != null && stored.updatedAt().isAfter(outcome.recordedAt())) {
                writtenAfter++;
                note(problems, "pool " + outcome.idFromNetwork() + " was written at " + stored.updatedAt()
                        + ", after line " + outcome.line() + " was recorded at " + outcome.recordedAt());
            }
        }

        long sentAgain = 0;
        long unrecorded = 0;
        if (traffic != null) {
            Map<String, Integer> attempts = new HashMap<>();
            Map<String, Integer> recordedIn = new HashMap<>();
            Set<String> badIds = new HashSet<>();
            for (Outcome outcome : outcomes) {
                if (outcome.idFromNetwork() == null) {
                    continue;
                }
                int window = traffic.executions().indexOf(outcome.jobExecutionId());
                if (window < 0) {
                    throw new IllegalArgumentException("outcome of line " + outcome.line() + " was recorded by "
                            + "job execution " + outcome.jobExecutionId() + ", which has no window of requests");
                }
                attempts.merge(outcome.idFromNetwork(), outcome.attempts(), Integer::sum);
                Integer earlier = recordedIn.put(outcome.idFromNetwork(), window);
                if (earlier != null && earlier != window) {
                    badIds.add(outcome.idFromNetwork());
                }
            }
            for (int window = 0; window < traffic.perPool().size(); window++) {
                for (Map.Entry<String, Long> entry : traffic.perPool().get(window).entrySet()) {
                    String id = entry.getKey();
                    Integer recordedWindow = recordedIn.get(id);
                    if (recordedWindow == null || badIds.contains(id) || entry.getValue() == 0) {
                        // a pool no outcome names was never meant to be sent: the extra-pool check catches it
                        continue;
                    }
                    if (window > recordedWindow) {
                        sentAgain += entry.getValue();
                        note(problems, "pool " + id + " got " + entry.getValue() + " requests in execution "
                                + traffic.executions().get(window) + ", after its outcome was recorded");
                    } else if (window == recordedWindow && entry.getValue() > attempts.get(id)) {
                        unrecorded += entry.getValue() - attempts.get(id);
                        note(problems, "pool " + id + " got " + entry.getValue() + " requests in execution "
                                + traffic.executions().get(window) + " but its outcome counts " + attempts.get(id));
                    }
                }
            }
        }

        return new Verdict(byLine.size(), lost, duplicated, lostInFile, duplicatedInFile, wrongStatus, missing, extra,
                wrongFields, sentAgain, unrecorded, writtenAfter, List.copyOf(problems));
    }

    /** The fields a client writes: read-only ones (id, URLs, api_key) left out. */
    static RingPool writable(RingPool pool) {
        return pool.withGenerated(null, null, null, null, null);
    }

    private static void note(List<String> problems, String problem) {
        if (problems.size() < SHOWN_PROBLEMS) {
            problems.add(problem);
        }
    }
}
