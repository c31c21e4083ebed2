package dev.wpuscope.trace.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Pulls a whole capture from a file, a channel or a stream (a pipe) through a {@link TraceDecoder}. */
public final class TraceReader {

    /** Bytes asked of the channel or stream per read. */
    public static final int READ_SIZE = 256 * 1024;

    private TraceReader() {
    }

    /** Decodes the file to its end. */
    public static void read(Path file, TraceListener listener) throws TraceReadException {
        String source = file.toString();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            read(channel, source, listener);
        } catch (IOException e) {
            throw cannotRead(source, e);
        }
    }

    /** Decodes the channel until it reports its end. */
    public static void read(ReadableByteChannel channel, String source, TraceListener listener)
            throws TraceReadException {
        TraceDecoder decoder = new TraceDecoder(source, listener);
        ByteBuffer buffer = ByteBuffer.allocate(READ_SIZE);
        try {
            while (channel.read(buffer.clear()) >= 0) {
                decoder.feed(buffer.array(), 0, buffer.position());
            }
        } catch (IOException e) {
            throw cannotRead(source, e);
        }
        decoder.finish();
    }

    /** Decodes the stream (for example a pipe) until it ends. */
    public static void read(InputStream in, String source, TraceListener listener) throws TraceReadException {
        TraceDecoder decoder = new TraceDecoder(source, listener);
        byte[] buffer = new byte[READ_SIZE];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                decoder.feed(buffer, 0, n);
            }
        } catch (IOException e) {
            throw cannotRead(source, e);
        }
        decoder.finish();
    }

    static TraceReadException cannotRead(String source, IOException e) {
        return new TraceReadException(source, "cannot read: " + e, e);
    }
}
