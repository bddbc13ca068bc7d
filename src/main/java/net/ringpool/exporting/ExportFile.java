package net.ringpool.exporting;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

/**
 * The output file of an export: written under a hidden temporary name in the target's directory, then
 * renamed over the target in one atomic move once everything is written, so that a reader of the target
 * sees the previous export or the complete new one, and a failed export leaves nothing behind. A file
 * holding secrets (api_key) is readable by its owner only.
 */
class ExportFile implements AutoCloseable {

    private final Path target;
    private final boolean secret;
    private Path temporary;

    ExportFile(Path target, boolean secret) {
        this.target = target.toAbsolutePath().normalize();
        this.secret = secret;
    }

    Path target() {
        return target;
    }

    /** The temporary file being written, or null before {@link #create()} and after publish or discard. */
    synchronized Path temporary() {
        return temporary;
    }

    synchronized BufferedWriter create() throws IOException {
        discard();
        Path name = target.getFileName();
        Path candidate = target.resolveSibling("." + name + "." + UUID.randomUUID().toString().substring(0, 8) + ".tmp");
        if (secret && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(candidate, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(candidate);
        }
        temporary = candidate;
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(candidate, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING), StandardCharsets.UTF_8), 1 << 16);
    }

    /** Flushes the written file to disk and moves it over the target. */
    synchronized void publish() throws IOException {
        if (temporary == null) {
            throw new IllegalStateException("nothing was written to publish");
        }
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        temporary = null;
    }

    /** Deletes the temporary file, if any; the target is left as it was. */
    synchronized void discard() {
        if (temporary != null) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // best effort: a leftover hidden .tmp file is harmless and named in no output
            }
            temporary = null;
        }
    }

    /** Closing the context (also on Ctrl-C) discards an unfinished file. */
    @Override
    public void close() {
        discard();
    }
}
