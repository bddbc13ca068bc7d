package net.ringpool.importing;

/** The run cannot go ahead now (it is running elsewhere); nothing was sent. */
public class ImportBlockedException extends RuntimeException {

    ImportBlockedException(String message) {
        super(message);
    }
}
