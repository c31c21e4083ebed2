package dev.wpuscope.ui.traffic;

import dev.wpuscope.trace.io.TraceListener;
import dev.wpuscope.trace.live.Disconnect;
import dev.wpuscope.trace.live.PipeClient;
import dev.wpuscope.trace.live.PipeServerListener;
import dev.wpuscope.trace.model.TraceHeader;
import dev.wpuscope.trace.model.TraceRecord;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Feeds what every tracer connected to the pipe sends into one {@link CaptureSession}, each client as a
 * stream of its own, so its records are timed by its own header's clock.
 */
public final class TracerPipeFeed implements PipeServerListener {

    private final CaptureSession session;
    private final Consumer<IOException> onAcceptFailed;
    /** The server calls one at a time, so a plain map is enough. */
    private final Map<Long, TraceListener> streams = new HashMap<>();

    public TracerPipeFeed(CaptureSession session, Consumer<IOException> onAcceptFailed) {
        this.session = session;
        this.onAcceptFailed = onAcceptFailed;
    }

    @Override
    public void onHeader(PipeClient client, TraceHeader header) {
        stream(client).onHeader(header);
    }

    @Override
    public void onRecords(PipeClient client, List<TraceRecord> records) {
        TraceListener stream = stream(client);
        records.forEach(record -> stream.onRecord(record, 0));
    }

    @Override
    public void onDisconnected(PipeClient client, Disconnect disconnect) {
        streams.remove(client.id());
    }

    private TraceListener stream(PipeClient client) {
        return streams.computeIfAbsent(client.id(), id -> session.newStream(client.toString()));
    }

    @Override
    public void onAcceptFailed(IOException error) {
        onAcceptFailed.accept(error);
    }
}
