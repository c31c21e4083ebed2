package dev.wpuscope.trace.live;

import dev.wpuscope.platform.PipeConnection;
import dev.wpuscope.platform.PipeTransport;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link PipeTransport} in memory: clients write chunks that the server reads, with pipe-like back-pressure. */
public final class InMemoryPipeTransport implements PipeTransport {

    private static final byte[] END = new byte[0];
    private static final int PIPE_CHUNKS = 64;

    private final BlockingQueue<Connection> pending = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    /** A new client; the server sees it on its next accept. */
    public Client connect(String name) {
        Connection connection = new Connection(name);
        pending.add(connection);
        return connection.client;
    }

    @Override
    public PipeConnection accept(Duration timeout) throws IOException {
        if (closed) {
            throw new IOException("transport closed");
        }
        try {
            return pending.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    /** The client's end. */
    public static final class Client {
        private final Connection connection;

        private Client(Connection connection) {
            this.connection = connection;
        }

        /** Writes like a pipe: blocks while the server is behind; fails once the server disconnected. */
        void write(byte[] bytes, int offset, int length) throws IOException {
            put(Arrays.copyOfRange(bytes, offset, offset + length));
        }

        public void write(byte[] bytes) throws IOException {
            write(bytes, 0, bytes.length);
        }

        /** Disconnects: the server reads the end of the stream after what was written. */
        public void close() throws IOException {
            put(END);
        }

        private void put(byte[] chunk) throws IOException {
            try {
                while (!connection.chunks.offer(chunk, 20, TimeUnit.MILLISECONDS)) {
                    connection.checkOpen();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            connection.checkOpen();
        }

        boolean disconnectedByServer() {
            return connection.serverClosed;
        }
    }

    private static final class Connection implements PipeConnection {
        private final String name;
        private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(PIPE_CHUNKS);
        private final Client client = new Client(this);
        private volatile boolean serverClosed;
        private byte[] current;
        private int position;

        Connection(String name) {
            this.name = name;
        }

        void checkOpen() throws IOException {
            if (serverClosed) {
                throw new IOException("pipe closed by the server");
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
            if (serverClosed) {
                return -1;
            }
            if (current == null || position == current.length) {
                try {
                    current = chunks.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
                position = 0;
                if (current == null) {
                    return 0;
                }
                if (current == END) {
                    return -1;
                }
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, n);
            position += n;
            return n;
        }

        @Override
        public String describe() {
            return name;
        }

        @Override
        public void close() {
            serverClosed = true;
            chunks.clear();
        }
    }
}
