package dev.wpuscope.trace.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * The file a followed name leads to, kept open, and whether the name still leads to the content read from
 * it: the name may come to lead to another file (its file key differs, where the file system has one), the
 * file may shrink, or its first bytes (the capture header, with its start time) may be rewritten.
 */
final class FollowedFile implements Closeable {

    private final Path name;
    private final FileChannel channel;
    private final Object key;
    private final ByteBuffer head = ByteBuffer.allocate(TraceFormat.HEADER_LENGTH);
    private final ByteBuffer headNow = ByteBuffer.allocate(TraceFormat.HEADER_LENGTH);

    private FollowedFile(Path name, FileChannel channel, Object key) {
        this.name = name;
        this.channel = channel;
        this.key = key;
    }

    /** Opens the file the name leads to, or returns null when there is none (yet). */
    static FollowedFile open(Path name) throws IOException {
        try {
            FileChannel channel = FileChannel.open(name, StandardOpenOption.READ);
            return new FollowedFile(name, channel, Files.readAttributes(name, BasicFileAttributes.class).fileKey());
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Reads from {@code position}; remembers the file's first bytes as they are read. */
    int read(ByteBuffer into, long position) throws IOException {
        int start = into.position();
        int n = channel.read(into, position);
        for (int i = 0; i < n && position + i < head.capacity() && position + i == head.position(); i++) {
            head.put(into.get(start + i));
        }
        return n;
    }

    /**
     * How the content under the name changed since {@code read} bytes were read, or null when it did not
     * (a name that leads nowhere now is waited on: the file may be created again). After a change other
     * than {@link FileRestart.Change#REPLACED}, bytes read from this file are new content.
     */
    FileRestart change(long read) throws IOException {
        BasicFileAttributes now;
        try {
            now = Files.readAttributes(name, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (key != null && !key.equals(now.fileKey())) {
            return new FileRestart(FileRestart.Change.REPLACED, read, now.size());
        }
        long size = channel.size();
        if (size < read) {
            return new FileRestart(FileRestart.Change.SHRANK, read, size);
        }
        return startRewritten() ? new FileRestart(FileRestart.Change.REWRITTEN, read, size) : null;
    }

    private boolean startRewritten() throws IOException {
        headNow.clear().limit(head.position());
        while (headNow.hasRemaining() && channel.read(headNow, headNow.position()) > 0) {
            // reads the bytes already known again
        }
        return !Arrays.equals(head.array(), 0, head.position(), headNow.array(), 0, headNow.position());
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
