package net.ringpool.exporting;

/**
 * Stops the export as a whole (exit 1, nothing written): the API refused the token, or it is not
 * answering. The message is the one line the user sees; it never holds the token.
 */
class ExportFailedException extends RuntimeException {

    ExportFailedException(String message) {
        super(message);
    }
}
