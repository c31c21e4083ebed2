package dev.wpuscope.trace.live;

import dev.wpuscope.trace.model.TraceHeader;
import dev.wpuscope.trace.model.TraceRecord;
import java.io.IOException;
import java.util.List;

/**
 * Where the pipe server delivers the merged output of all clients. Calls never overlap: the server makes
 * them one at a time, from its client threads, so an implementation needs no locking of its own.
 */
public interface PipeServerListener {

    default void onConnected(PipeClient client) {
    }

    /**
     * The client started a stream (its first bytes, or a later header): the clock that the tick values of
     * its following records refer to. Comes before those records.
     */
    default void onHeader(PipeClient client, TraceHeader header) {
    }

    /** Complete records of one client, in that client's order (offsets are positions in its stream). */
    void onRecords(PipeClient client, List<TraceRecord> records);

    /** The client is gone; {@code disconnect.kind().cutOff()} tells whether the server cut it off. */
    default void onDisconnected(PipeClient client, Disconnect disconnect) {
    }

    /** The transport failed to accept; the server stops accepting new clients. */
    default void onAcceptFailed(IOException error) {
    }
}
