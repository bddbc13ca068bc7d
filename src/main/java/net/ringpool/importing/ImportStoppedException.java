package net.ringpool.importing;

/**
 * Stops the import at once, rolling back the current chunk so that its rows are sent again when the
 * same command is run again: raised when retrying row by row cannot help.
 */
class ImportStoppedException extends RuntimeException {

    ImportStoppedException(String message) {
        super(message);
    }
}
