package net.ringpool.outcome;

/**
 * The outcome of one input line.
 *
 * @param fileIndex the file's position among the files of the import, from 0
 * @param line the physical line where the row's record starts
 * @param action upsert, create, update or delete (as read when it was not one of them)
 * @param httpStatus the status of the deciding API answer, or null when nothing was answered
 * @param attempts how many requests were sent for the row, retries included
 */
public record RowOutcome(int fileIndex, long line, String advertiserId, String campaignId, String idFromNetwork,
        String action, OutcomeStatus status, Integer httpStatus, int attempts, String message) {
}
