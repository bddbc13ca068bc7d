package net.ringpool.exporting;

/** How reading one campaign ended, in the words of the outcome statuses (PRODUCT.md section 5). */
public enum CampaignStatus {
    /** Every pool of the campaign was written. */
    EXPORTED,
    /** The API refused the campaign with a 4xx (404 RecordNotFound, 403); retrying cannot help. */
    REJECTED,
    /** Transient failures (no answer, 5xx, 429) outlasted the retries, or the answer was not a list of pools. */
    FAILED
}
