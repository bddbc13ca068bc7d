package net.ringpool.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What {@code bin/ringpool} runs instead of the whole application when a daemon listens for its directory: it
 * hands the command line to the daemon and prints what the command prints, then exits with its exit code. It
 * loads a handful of classes, none of Spring's. Exits {@link #NOT_SERVED} when the daemon is gone or declines,
 * and the launcher then runs the command itself.
 */
public final class CommandClient {

    /** EX_TEMPFAIL of sysexits.h; no command of ours exits with it. */
    public static final int NOT_SERVED = 75;

    private static final int FAILED = 1;   // as a job that failed or stopped: running the same command resumes it
    private static final int MAX_FRAME_BYTES = 64 * 1024 * 1024;

    private CommandClient() {
    }

    /** {@code CommandClient SOCKET COMMAND [ARGS...]} */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: CommandClient SOCKET COMMAND [ARGS...]");
            System.exit(2);
        }
        CommandRequest request = new CommandRequest(Path.of("").toAbsolutePath(), System.console() != null,
                Arrays.asList(args).subList(1, args.length), System.getenv());
        System.exit(run(Path.of(args[0]), request, new FileOutputStream(FileDescriptor.out),
                new FileOutputStream(FileDescriptor.err)));
    }

    /** Hands the command line to the daemon on {@code socket}; its exit code, or {@link #NOT_SERVED}. */
    public static int run(Path socket, CommandRequest request, OutputStream out, OutputStream err) {
        SocketChannel channel;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException | RuntimeException noDaemon) {
            return NOT_SERVED;
        }
        try (channel) {
            try {
                request.writeTo(new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel))));
            } catch (IOException notReceived) {
                return NOT_SERVED;   // nothing ran
            }
            DataInputStream frames = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel),
                    64 * 1024));
            while (true) {
                byte type = frames.readByte();
                int length = frames.readInt();
                if (length < 0 || length > MAX_FRAME_BYTES) {
                    throw new IOException("malformed answer");
                }
                byte[] bytes = frames.readNBytes(length);
                switch (type) {
                    case Frames.OUT -> out.write(bytes);
                    case Frames.ERR -> err.write(bytes);
                    case Frames.EXIT -> {
                        out.flush();
                        err.flush();
                        return ByteBuffer.wrap(bytes).getInt();
                    }
                    case Frames.NOT_SERVED -> {
                        return NOT_SERVED;
                    }
                    default -> throw new IOException("malformed answer");
                }
            }
        } catch (IOException | RuntimeException ended) {
            return daemonEnded(err);
        }
    }

    private static int daemonEnded(OutputStream err) {
        try {
            err.write(("error: the ringpool daemon ended before the command did (see its log); run the same command "
                    + "again: an import resumes from its last committed chunk" + System.lineSeparator())
                    .getBytes(StandardCharsets.UTF_8));
            err.flush();
        } catch (IOException e) {
            // nowhere left to say it
        }
        return FAILED;
    }
}
