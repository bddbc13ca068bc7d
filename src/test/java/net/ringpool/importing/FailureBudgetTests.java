package net.ringpool.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import net.ringpool.outcome.OutcomeStatus;
import net.ringpool.outcome.RowOutcome;

import org.junit.jupiter.api.Test;

class FailureBudgetTests {

    @Test
    void aRefusedTokenStopsAtOnce() {
        // given
        FailureBudget budget = new FailureBudget("1234", -1, 50, 0);

        // when / then
        assertThatThrownBy(() -> budget.onSent(new SendResult(OutcomeStatus.FAILED, 401, 1, "NotAuthorized", true)))
                .isInstanceOf(TokenRefusedException.class)
                .hasMessage("the API refused the token (HTTP 401) for network 1234: check $INVOCA_API_TOKEN or --token-file");
    }

    @Test
    void aRowThatCouldNotConnectStopsAtOnceInsteadOfEndingFailed() {
        // given
        FailureBudget budget = new FailureBudget("1234", -1, 50, 0);
        SendResult unreachable = new SendResult(OutcomeStatus.FAILED, null, 5,
                "gave up after 5 attempts: cannot connect to the API", false, true);

        // when / then the first such row stops the run
        assertThatThrownBy(() -> budget.onSent(unreachable)).isInstanceOf(ImportStoppedException.class)
                .hasMessage("the API is unreachable (gave up after 5 attempts: cannot connect to the API)");
    }

    @Test
    void onlyFailuresInARowStopTheRun() {
        // given
        FailureBudget budget = new FailureBudget("1234", -1, 3, 0);
        SendResult failed = SendResult.of(OutcomeStatus.FAILED, 503, 5, "gave up after 5 attempts: HTTP 503");

        // when two failures are broken by an answer, then three follow
        budget.onSent(failed);
        budget.onSent(failed);
        budget.onSent(SendResult.of(OutcomeStatus.REJECTED, 403, 1, "name: can't be blank"));
        budget.onSent(failed);
        budget.onSent(failed);

        // then the third in a row stops it
        assertThatThrownBy(() -> budget.onSent(failed)).isInstanceOf(ImportStoppedException.class)
                .hasMessage("the API keeps failing: 3 rows in a row failed after every retry "
                        + "(last: gave up after 5 attempts: HTTP 503)");
    }

    @Test
    void theSkipLimitCountsProblemRowsOfTheWholeRun() {
        // given a run whose earlier execution recorded 2 problem rows, with a limit of 3
        FailureBudget budget = new FailureBudget("1234", 3, 50, 2);

        // when a chunk adds one INVALID row and one CREATED
        budget.onRecorded(List.of(outcome(OutcomeStatus.INVALID), outcome(OutcomeStatus.CREATED)));

        // then the limit is reached but not passed; one more problem passes it
        assertThat(budget.skipLimitPassed()).isFalse();
        budget.onRecorded(List.of(outcome(OutcomeStatus.FAILED)));
        assertThat(budget.skipLimitPassed()).isTrue();
        assertThat(budget.skipLimitMessage())
                .isEqualTo("skip limit passed: 4 rows ended INVALID, REJECTED or FAILED (--skip-limit 3)");
    }

    private static RowOutcome outcome(OutcomeStatus status) {
        return new RowOutcome(0, 2, "a", "c", "p", "upsert", status, null, 0, null);
    }
}
