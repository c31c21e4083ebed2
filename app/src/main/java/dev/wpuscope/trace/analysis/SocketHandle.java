package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.model.TraceRecord.UpcallEvent;
import dev.wpuscope.trace.model.Upcall;
import java.util.List;

/**
 * One generation of a socket handle made by ws2_32 for a provider.
 *
 * @param lifecycle      pid, value, generation, provider, creation, queries (uses), closes and state
 * @param createdBy      WPUCreateSocketHandle (non-IFS) or WPUModifyIFSHandle (IFS); {@code null} when unknown
 * @param catalogEntryId the catalog entry the provider named at creation, {@code null} when unknown
 * @param context        the context value given to WPUCreateSocketHandle, {@code null} for IFS or unknown handles
 */
public record SocketHandle(TrackedResource lifecycle, Upcall createdBy, Integer catalogEntryId, Long context) {

    static SocketHandle of(TrackedResource lifecycle) {
        UpcallEvent creation = lifecycle.creation();
        if (creation == null) {
            return new SocketHandle(lifecycle, null, null, null);
        }
        Long context = creation.upcall() == Upcall.WPU_CREATE_SOCKET_HANDLE ? creation.arg(1) : null;
        return new SocketHandle(lifecycle, creation.upcall(), (int) creation.arg(0), context);
    }

    public int pid() {
        return lifecycle.pid();
    }

    public long handle() {
        return lifecycle.value();
    }

    public ResourceState state() {
        return lifecycle.state();
    }

    /** How many WPUQuerySocketHandleContext calls named it. */
    public long queryCount() {
        return lifecycle.useCount();
    }

    /** The capture offsets of the first WPUQuerySocketHandleContext calls on it (at most 1000). */
    public List<Long> queryOffsets() {
        return lifecycle.useOffsets();
    }
}
