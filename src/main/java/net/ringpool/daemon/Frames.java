package net.ringpool.daemon;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * What the daemon sends back on a caller's connection: frames of a type byte, a length and the bytes, so that
 * the command's standard output and standard error arrive apart and in order, followed by its exit code.
 */
final class Frames {

    static final byte OUT = 1;
    static final byte ERR = 2;
    static final byte EXIT = 3;
    /** The daemon does not run this command line (busy with another, another directory, a command it does not serve). */
    static final byte NOT_SERVED = 4;

    private final SocketChannel channel;

    Frames(SocketChannel channel) {
        this.channel = channel;
    }

    synchronized void send(byte type, byte[] bytes, int offset, int length) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(5).put(type).putInt(length).flip();
        ByteBuffer body = ByteBuffer.wrap(bytes, offset, length);
        while (header.hasRemaining() || body.hasRemaining()) {
            channel.write(new ByteBuffer[] {header, body});
        }
    }

    void exit(int code) throws IOException {
        send(EXIT, ByteBuffer.allocate(4).putInt(code).array(), 0, 4);
    }

    void notServed(String reason) throws IOException {
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        send(NOT_SERVED, bytes, 0, bytes.length);
    }

    /** A stream whose writes go out as frames of this type. */
    OutputStream stream(byte type) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                if (length > 0) {
                    send(type, bytes, offset, length);
                }
            }
        };
    }
}
