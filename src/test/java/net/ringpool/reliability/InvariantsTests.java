package net.ringpool.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import net.ringpool.pool.RingPool;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The invariants checker finds each kind of breakage, and finds nothing in a sound state. */
@Tag("reliability")
class InvariantsTests {

    private static final Instant T0 = Instant.parse("2026-11-26T22:00:00Z");

    private static RingPool pool(String id, String name) {
        return new RingPool(null, id, name, "Custom", "Advertiser", null, null, null, 3, null, null, null, null,
                null, null, null, null, null);
    }

    private static Invariants.Line valid(long line, String id, String name) {
        return new Invariants.Line(line, "a", "c", id, pool(id, name));
    }

    private static Invariants.Stored stored(String id, String name, Instant writtenAt) {
        return new Invariants.Stored("a", "c", pool(id, name).withGenerated(7L, null, null, null, "key"), writtenAt);
    }

    private static Invariants.Outcome outcome(long line, String id, String status, int attempts, long execution) {
        return new Invariants.Outcome(line, id, status, attempts, execution, T0.plusSeconds(execution));
    }

    @Test
    void aSoundStateHolds() {
        // given two valid lines and an invalid one, each with one true outcome, the API holding the two pools
        List<Invariants.Line> lines = List.of(valid(2, "p1", "One"), new Invariants.Line(3, "a", "c", "p2-x", null),
                valid(4, "p3", "Three"));
        List<Invariants.Outcome> outcomes = List.of(outcome(2, "p1", "CREATED", 1, 10), outcome(3, "p2-x", "INVALID", 0, 10),
                outcome(4, "p3", "UPDATED", 2, 11));
        Map<String, Invariants.Stored> api = Map.of("p1", stored("p1", "One", T0), "p3", stored("p3", "Three", T0));
        // p3 was sent once by the killed execution 10, then twice by the resumed 11 that recorded it
        Invariants.Traffic traffic = new Invariants.Traffic(List.of(10L, 11L), List.of(Map.of("p1", 1L, "p3", 1L),
                Map.of("p3", 2L)));

        // when
        Invariants.Verdict verdict = Invariants.check(lines, outcomes, List.of(2L, 3L, 4L), api, traffic);

        // then
        assertThat(verdict.holds()).as(verdict.toString()).isTrue();
        assertThat(verdict.rows()).isEqualTo(3);
    }

    @Test
    void aBrokenStateIsReportedInEveryCount() {
        // given: line 3 lost, line 4 recorded twice and listed twice in the file, line 5 FAILED and its pool
        // missing, p1 with the wrong name, an extra pool, p1 sent again by a later execution and written after
        // its outcome was recorded, p6 sent more often than its attempts say
        List<Invariants.Line> lines = List.of(valid(2, "p1", "One"), valid(3, "p2", "Two"), valid(4, "p4", "Four"),
                valid(5, "p5", "Five"), valid(6, "p6", "Six"));
        List<Invariants.Outcome> outcomes = List.of(outcome(2, "p1", "CREATED", 1, 10),
                outcome(4, "p4", "CREATED", 1, 10), outcome(4, "p4", "UPDATED", 1, 11),
                outcome(5, "p5", "FAILED", 5, 11), outcome(6, "p6", "CREATED", 1, 11));
        Map<String, Invariants.Stored> api = Map.of("p1", stored("p1", "Uno", T0.plusSeconds(60)),
                "p2", stored("p2", "Two", T0), "p4", stored("p4", "Four", T0), "p6", stored("p6", "Six", T0),
                "stray", stored("stray", "Stray", T0));
        Invariants.Traffic traffic = new Invariants.Traffic(List.of(10L, 11L),
                List.of(Map.of("p1", 1L, "p4", 1L), Map.of("p1", 1L, "p5", 5L, "p6", 3L)));

        // when
        Invariants.Verdict verdict = Invariants.check(lines, outcomes, List.of(2L, 4L, 4L, 5L, 6L), api, traffic);

        // then
        assertThat(verdict.holds()).isFalse();
        assertThat(verdict.lost()).isEqualTo(1);
        assertThat(verdict.lostInFile()).isEqualTo(1);
        assertThat(verdict.duplicated()).isEqualTo(1);
        assertThat(verdict.duplicatedInFile()).isEqualTo(1);
        assertThat(verdict.wrongStatus()).isEqualTo(1);
        assertThat(verdict.missingPools()).isEqualTo(1);
        assertThat(verdict.wrongFields()).isEqualTo(1);
        assertThat(verdict.extraPools()).isEqualTo(1);
        assertThat(verdict.sentAgain()).isEqualTo(1);
        assertThat(verdict.unrecordedRequests()).isEqualTo(2);
        assertThat(verdict.writtenAfterRecorded()).isEqualTo(1);
        assertThat(verdict.scenario("broken")).isEqualTo(new ReliabilitySummary.Scenario("broken", 5, 2, 6, 4));
        assertThat(verdict.problems()).isNotEmpty();
    }
}
