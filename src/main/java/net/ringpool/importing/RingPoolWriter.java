package net.ringpool.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.ringpool.outcome.OutcomeRepository;
import net.ringpool.outcome.OutcomeStatus;
import net.ringpool.outcome.RowOutcome;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends a chunk's valid rows to the API, up to {@code concurrency} at once, and records every row's
 * outcome in the chunk's transaction. Row-level API errors never escape as exceptions (the chunk step
 * would re-send the whole chunk item by item): they are outcomes. Only what stops the whole run does
 * escape: a refused token, or the API failing row after row; then the chunk rolls back and its rows
 * are sent again when the run is resumed. Rows for the same pool go one after the other, in file order.
 */
class RingPoolWriter implements ItemWriter<PoolRequest>, StepExecutionListener {

    static final String STOP_KEY = "import.stop";
    static final String DRY_RUN_MESSAGE = "valid; not sent (dry run)";

    private final RowSender sender;
    private final PoolKnowledge knowledge;
    private final CampaignPrefetch prefetch;
    private final OutcomeRepository outcomes;
    private final ImportSettings settings;
    private StepExecution stepExecution;
    private FailureBudget budget;

    /**
     * @param sender null for a dry run
     * @param knowledge what campaign lists tell about the pools before rows are sent, or null
     * @param prefetch what reads those lists ahead of the chunks, or null
     */
    RingPoolWriter(RowSender sender, PoolKnowledge knowledge, CampaignPrefetch prefetch,
            OutcomeRepository outcomes, ImportSettings settings) {
        this.sender = sender;
        this.knowledge = knowledge;
        this.prefetch = prefetch;
        this.outcomes = outcomes;
        this.settings = settings;
    }

    @Override
    public void beforeStep(StepExecution execution) {
        this.stepExecution = execution;
        // a resumed step inherits its predecessor's context, stop reason included
        execution.getExecutionContext().remove(STOP_KEY);
        long problemsSoFar = outcomes.countsOfInstance(execution.getJobExecution().getJobInstance().getInstanceId())
                .entrySet().stream().filter(entry -> entry.getKey().isProblem()).mapToLong(Map.Entry::getValue).sum();
        this.budget = new FailureBudget(settings.networkId(), settings.skipLimit(), settings.maxConsecutiveFailures(),
                problemsSoFar);
        if (prefetch != null) {
            prefetch.start(execution);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution execution) {
        if (prefetch != null) {
            prefetch.stop();
        }
        return null;
    }

    @Override
    public void write(Chunk<? extends PoolRequest> chunk) {
        List<RowOutcome> recorded = new ArrayList<>(chunk.size());
        List<PoolRequest> toSend = new ArrayList<>();
        for (PoolRequest row : chunk) {
            if (row.isInvalid()) {
                recorded.add(outcome(row, SendResult.of(OutcomeStatus.INVALID, null, 0, row.problem())));
            } else if (sender == null) {
                recorded.add(outcome(row, SendResult.of(OutcomeStatus.VALID, null, 0, DRY_RUN_MESSAGE)));
            } else {
                toSend.add(row);
            }
        }
        if (!toSend.isEmpty()) {
            recorded.addAll(send(toSend));
        }
        outcomes.record(stepExecution.getJobExecution().getJobInstance().getInstanceId(),
                stepExecution.getJobExecutionId(), settings.fileNames(), recorded);
        budget.onRecorded(recorded);
        if (budget.skipLimitPassed()) {
            // this chunk commits with its outcomes, then the step stops: STOPPED, restartable
            stepExecution.getExecutionContext().putString(STOP_KEY, budget.skipLimitMessage());
            stepExecution.setTerminateOnly();
        }
    }

    private List<RowOutcome> send(List<PoolRequest> rows) {
        if (knowledge != null) {
            knowledge.load(rows);
        }
        Map<Object, List<PoolRequest>> byPool = new LinkedHashMap<>();
        for (PoolRequest row : rows) {
            Object key = row.idFromNetwork() != null ? row.idFromNetwork() : row;
            byPool.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        // the rows that what is known decides are settled here, without a request or its machinery (most rows of
        // an --only-changed run of an unchanged file)
        List<RowOutcome> results = new ArrayList<>(rows.size());
        List<List<PoolRequest>> toSend = new ArrayList<>();
        for (List<PoolRequest> samePool : byPool.values()) {
            PoolRequest row = samePool.get(0);
            SendResult settled = knowledge != null && samePool.size() == 1
                    ? sender.settledWithoutRequest(row, knowledge.current(row)) : null;
            if (settled == null) {
                toSend.add(samePool);
                continue;
            }
            knowledge.remember(row, settled);
            budget.onSent(settled);
            results.add(outcome(row, settled));
        }
        if (toSend.isEmpty()) {
            return results;
        }
        List<RowOutcome> sent = Flux.fromIterable(toSend)
                .flatMap(samePool -> samePool.size() == 1 ? sendOne(samePool.get(0))
                        : Flux.fromIterable(samePool).concatMap(this::sendOne), settings.concurrency())
                .doOnNext(result -> budget.onSent(result.result()))
                .map(result -> outcome(result.row(), result.result()))
                .collectList()
                .block();
        if (sent != null) {
            results.addAll(sent);
        }
        return results;
    }

    private Mono<Sent> sendOne(PoolRequest row) {
        return Mono.defer(() -> {
            CurrentPool current = knowledge == null ? CurrentPool.UNKNOWN : knowledge.current(row);
            return sender.send(row, current);
        }).map(result -> {
            if (knowledge != null) {
                knowledge.remember(row, result);
            }
            return new Sent(row, result);
        });
    }

    private static RowOutcome outcome(PoolRequest row, SendResult result) {
        return new RowOutcome(row.fileIndex(), row.line(), blankToNull(row.advertiserId()),
                blankToNull(row.campaignId()), blankToNull(row.idFromNetwork()), blankToNull(row.actionText()),
                result.status(), result.httpStatus(), result.attempts(), result.message());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private record Sent(PoolRequest row, SendResult result) {
    }
}
