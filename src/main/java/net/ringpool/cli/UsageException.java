package net.ringpool.cli;

/** Unusable input or options, found before anything was sent: the command exits 2 with this message. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
