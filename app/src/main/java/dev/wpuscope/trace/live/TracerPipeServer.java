package dev.wpuscope.trace.live;

import dev.wpuscope.platform.PipeConnection;
import dev.wpuscope.platform.PipeTransport;
import dev.wpuscope.trace.live.Disconnect.Kind;
import dev.wpuscope.trace.model.TraceHeader;
import dev.wpuscope.trace.model.TraceRecord;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Serves many tracer clients at once over a {@link PipeTransport}: one thread per client (bounded by
 * {@link PipeClientLimits#maxClients}), each decoding its own stream; complete records of all clients go to
 * one {@link PipeServerListener}, one call at a time. A client that breaks a limit or sends a broken stream
 * is cut off with a reason; the others carry on.
 */
public final class TracerPipeServer implements AutoCloseable {

    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);

    private record Active(ClientSession session, Thread thread) {
    }

    private final PipeTransport transport;
    private final PipeClientLimits limits;
    private final PipeServerListener listener;
    private final LongSupplier nanoClock;
    private final Object listenerLock = new Object();
    private final Map<Long, Active> active = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong();
    private volatile boolean closed;
    private Thread acceptor;

    public TracerPipeServer(PipeTransport transport, PipeClientLimits limits, PipeServerListener listener) {
        this(transport, limits, listener, System::nanoTime);
    }

    /** @param nanoClock the clock of the rate and stall limits ({@link System#nanoTime} outside tests) */
    public TracerPipeServer(PipeTransport transport, PipeClientLimits limits, PipeServerListener listener,
                            LongSupplier nanoClock) {
        this.transport = transport;
        this.limits = limits;
        this.listener = listener;
        this.nanoClock = nanoClock;
    }

    /** Starts accepting clients on a background thread. */
    public synchronized void start() {
        if (acceptor != null) {
            throw new IllegalStateException("already started");
        }
        acceptor = new Thread(this::acceptLoop, "wpuscope-pipe-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Clients being served now. */
    public int activeClients() {
        return active.size();
    }

    private void acceptLoop() {
        while (!closed) {
            PipeConnection connection;
            try {
                connection = transport.accept(limits.pollInterval());
            } catch (IOException e) {
                if (!closed) {
                    synchronized (listenerLock) {
                        listener.onAcceptFailed(e);
                    }
                }
                return;
            }
            if (connection != null) {
                admit(connection);
            }
        }
    }

    private void admit(PipeConnection connection) {
        PipeClient client = new PipeClient(nextId.incrementAndGet(), connection.describe());
        if (closed || active.size() >= limits.maxClients()) {
            closeQuietly(connection);
            synchronized (listenerLock) {
                listener.onConnected(client);
                listener.onDisconnected(client, new Disconnect(Kind.TOO_MANY_CLIENTS,
                        closed ? "server closing" : "already serving " + limits.maxClients() + " clients"));
            }
            return;
        }
        ClientSession session = new ClientSession(client, connection, limits, nanoClock, new ClientSession.Delivery() {
            @Override
            public void deliverHeader(PipeClient from, TraceHeader header) {
                synchronized (listenerLock) {
                    listener.onHeader(from, header);
                }
            }

            @Override
            public void deliver(PipeClient from, List<TraceRecord> records) {
                synchronized (listenerLock) {
                    listener.onRecords(from, records);
                }
            }
        });
        Thread thread = new Thread(() -> finish(session, session.serve()), "wpuscope-pipe-client-" + client.id());
        thread.setDaemon(true);
        synchronized (listenerLock) {
            listener.onConnected(client);
        }
        active.put(client.id(), new Active(session, thread));
        thread.start();
    }

    private void finish(ClientSession session, Disconnect disconnect) {
        active.remove(session.client().id());
        synchronized (listenerLock) {
            listener.onDisconnected(session.client(), disconnect);
        }
    }

    /** Stops accepting, disconnects every client and waits (bounded) for their threads to end. */
    @Override
    public void close() throws IOException {
        closed = true;
        try {
            transport.close();
        } finally {
            for (Active a : active.values()) {
                a.session().stop();
                closeQuietly(a.session().connection());
            }
            join(acceptor);
            active.values().forEach(a -> join(a.thread()));
        }
    }

    private static void join(Thread thread) {
        if (thread == null) {
            return;
        }
        try {
            thread.join(JOIN_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(PipeConnection connection) {
        try {
            connection.close();
        } catch (IOException ignored) {
            // the client is being dropped; nothing more can be done with its connection
        }
    }
}
