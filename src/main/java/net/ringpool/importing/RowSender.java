package net.ringpool.importing;

import net.ringpool.client.ApiError;
import net.ringpool.client.ApiResult;
import net.ringpool.client.RingPoolClient;
import net.ringpool.outcome.OutcomeStatus;

import reactor.core.publisher.Mono;

/**
 * Sends one valid row as its action asks, and says how it ended. Never throws for an API answer:
 * every answer, 4xx and exhausted retries included, becomes the row's result.
 * <ul>
 * <li>upsert: PUT; 201 created, 200 updated. A Local RingPool's PUT answers 200 either way, so unless
 * its existence is known already (from a campaign list: {@link LocalPoolIds}), a GET first tells which.</li>
 * <li>create: a GET first (PUT would overwrite); absent → PUT; present with the same fields → UNCHANGED,
 * with others → REJECTED.</li>
 * <li>update: a GET first (PUT would create); absent → REJECTED with the API's 404; present → PUT.</li>
 * <li>delete: DELETE; 200, or 404 for a pool already gone, → DELETED.</li>
 * <li>no id_from_network (a network that generates ids): POST to the campaign's collection.</li>
 * </ul>
 * With {@code --only-changed} the campaign's current pools stand in for the GET, and a row whose pool
 * already has the same fields is not sent at all.
 */
class RowSender {

    static final String UNCHANGED_MESSAGE = "already matches the API; not sent";
    private static final SendResult UNCHANGED = SendResult.of(OutcomeStatus.UNCHANGED, null, 0, UNCHANGED_MESSAGE);
    private static final SendResult ALREADY_ABSENT = SendResult.of(OutcomeStatus.DELETED, null, 0,
            "already absent; not sent");

    private final RingPoolClient client;
    private final boolean onlyChanged;

    RowSender(RingPoolClient client, boolean onlyChanged) {
        this.client = client;
        this.onlyChanged = onlyChanged;
    }

    Mono<SendResult> send(PoolRequest row, CurrentPool current) {
        SendResult settled = settledWithoutRequest(row, current);
        if (settled != null) {
            return Mono.just(settled);
        }
        return switch (row.action()) {
            case UPSERT -> upsert(row, current);
            case CREATE -> create(row, current);
            case UPDATE -> update(row, current);
            case DELETE -> delete(row);
        };
    }

    /**
     * The row's result when what is known already decides it and no request is needed: with
     * {@code --only-changed}, an upsert or update of a pool the API holds as the row has it (UNCHANGED), a delete of
     * a pool known to be absent. Null when the row is to be sent.
     */
    SendResult settledWithoutRequest(PoolRequest row, CurrentPool current) {
        if (!onlyChanged || row.idFromNetwork() == null) {
            return null;
        }
        return switch (row.action()) {
            case UPSERT, UPDATE -> current.holds(row) ? UNCHANGED : null;
            case DELETE -> current.isAbsent() ? ALREADY_ABSENT : null;
            case CREATE -> null;
        };
    }

    private Mono<SendResult> upsert(PoolRequest row, CurrentPool current) {
        if (row.idFromNetwork() == null) {
            return post(row);
        }
        if (row.pool().isLocal() && current.isUnknown()) {
            return lookUp(row).flatMap(found -> found.settled() != null ? Mono.just(found.settled())
                    : put(row, found.current(), found.attempts()));
        }
        return put(row, current, 0);
    }

    private Mono<SendResult> create(PoolRequest row, CurrentPool current) {
        if (row.idFromNetwork() == null) {
            return post(row);
        }
        Mono<Lookup> lookup = current.isUnknown() ? lookUp(row) : Mono.just(new Lookup(current, null, 0, null));
        return lookup.flatMap(found -> {
            if (found.settled() != null) {
                return Mono.just(found.settled());
            }
            if (found.current().isAbsent()) {
                return put(row, found.current(), found.attempts());
            }
            if (found.current().holds(row)) {
                return unchanged(found.attempts());
            }
            return Mono.just(SendResult.of(OutcomeStatus.REJECTED, null, found.attempts(), "RingPool "
                    + row.idFromNetwork() + " already exists with other values; action create leaves an existing "
                    + "pool alone (use upsert or update to change it)"));
        });
    }

    private Mono<SendResult> update(PoolRequest row, CurrentPool current) {
        Mono<Lookup> lookup = current.isUnknown() ? lookUp(row) : Mono.just(new Lookup(current, null, 0, null));
        return lookup.flatMap(found -> {
            if (found.settled() != null) {
                return Mono.just(found.settled());
            }
            if (found.current().isAbsent()) {
                ApiResult answer = found.answer();
                return Mono.just(answer != null
                        ? SendResult.of(OutcomeStatus.REJECTED, answer.status(), found.attempts(),
                                ApiError.describe(answer))
                        : SendResult.of(OutcomeStatus.REJECTED, null, 0, "RingPool " + row.idFromNetwork()
                                + " does not exist for advertiser campaign " + row.campaignId() + " and advertiser "
                                + row.advertiserId() + "; action update changes only existing pools"));
            }
            if (onlyChanged && found.current().holds(row)) {
                return unchanged(found.attempts());
            }
            return put(row, found.current(), found.attempts());
        });
    }

    private Mono<SendResult> delete(PoolRequest row) {
        return client.deletePool(row.advertiserId(), row.campaignId(), row.idFromNetwork()).map(answer -> {
            if (answer.isSuccess()) {
                return SendResult.of(OutcomeStatus.DELETED, answer.status(), answer.attempts(), null);
            }
            if (answer.status() == 404) {
                return SendResult.of(OutcomeStatus.DELETED, answer.status(), answer.attempts(), "already absent");
            }
            return SendResult.unsuccessful(answer, answer.attempts());
        });
    }

    private Mono<SendResult> put(PoolRequest row, CurrentPool current, int priorAttempts) {
        return client.putPool(row.advertiserId(), row.campaignId(), row.idFromNetwork(), row.body()).map(answer -> {
            int attempts = priorAttempts + answer.attempts();
            if (!answer.isSuccess()) {
                return SendResult.unsuccessful(answer, attempts);
            }
            boolean created = answer.status() == 201
                    || (answer.status() == 200 && row.pool().isLocal() && current.isAbsent());
            return SendResult.of(created ? OutcomeStatus.CREATED : OutcomeStatus.UPDATED, answer.status(), attempts,
                    null);
        });
    }

    /** A POST to the collection always creates: the network gives the new pool its id. */
    private Mono<SendResult> post(PoolRequest row) {
        return client.postPool(row.advertiserId(), row.campaignId(), row.body()).map(answer -> answer.isSuccess()
                ? SendResult.of(OutcomeStatus.CREATED, answer.status(), answer.attempts(), null)
                : SendResult.unsuccessful(answer, answer.attempts()));
    }

    private Mono<Lookup> lookUp(PoolRequest row) {
        return client.getPool(row.advertiserId(), row.campaignId(), row.idFromNetwork()).map(answer -> {
            if (answer.isSuccess()) {
                return new Lookup(CurrentPool.present(ApiPools.one(answer.body())), answer, answer.attempts(), null);
            }
            if (answer.status() == 404) {
                return new Lookup(CurrentPool.ABSENT, answer, answer.attempts(), null);
            }
            return new Lookup(CurrentPool.UNKNOWN, answer, answer.attempts(),
                    SendResult.unsuccessful(answer, answer.attempts()));
        });
    }

    private static Mono<SendResult> unchanged(int attempts) {
        return Mono.just(SendResult.of(OutcomeStatus.UNCHANGED, null, attempts, UNCHANGED_MESSAGE));
    }

    /**
     * A GET's verdict.
     *
     * @param settled the row's result when the GET itself decided it (401, another 4xx, retries exhausted)
     */
    private record Lookup(CurrentPool current, ApiResult answer, int attempts, SendResult settled) {
    }
}
