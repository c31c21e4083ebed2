package dev.wpuscope.trace.store;

import dev.wpuscope.trace.io.CallViewListener;
import dev.wpuscope.trace.io.Damage;
import dev.wpuscope.trace.io.DowncallView;
import dev.wpuscope.trace.io.EndedShort;
import dev.wpuscope.trace.io.FileRestart;
import dev.wpuscope.trace.io.TraceReadException;
import dev.wpuscope.trace.io.TraceReader;
import dev.wpuscope.trace.io.UpcallView;
import dev.wpuscope.trace.model.TraceHeader;
import dev.wpuscope.trace.model.TraceRecord;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Puts what a decoder reads from one source (a capture file, a pipe client) into an {@link EventStore}:
 * tick values become FILETIME through the clock of the current stream header. Records before any valid
 * header use the clock of their process's hello, else count as 100 ns units from 1601. Read straight from a
 * decoder, calls arrive as views over their bytes (no object per call); through another listener, as records.
 */
public final class StoreFeed implements CallViewListener {

    private static final TraceHeader NO_CLOCK = new TraceHeader(-1, 1, 0, 48, 10_000_000L, 0, 0, 0);

    private final EventStore store;
    private final String source;
    /** The current stream header's clock, or null before any header. */
    private TraceHeader header;
    /** Before any header: the clock of each process's hello, by pid. */
    private final Map<Integer, TraceHeader> helloClocks = new HashMap<>();

    public StoreFeed(EventStore store, String source) {
        this.store = store;
        this.source = source;
    }

    /** A new store holding the whole capture file (damage and truncation are in its problems). */
    public static EventStore load(Path capture) throws TraceReadException {
        EventStore store = new EventStore();
        TraceReader.read(capture, new StoreFeed(store, capture.toString()));
        return store;
    }

    @Override
    public void onHeader(TraceHeader header) {
        this.header = header;
    }

    @Override
    public void onUpcall(UpcallView upcall, int length) {
        append(upcall);
    }

    @Override
    public void onDowncall(DowncallView downcall, int length) {
        append(downcall);
    }

    private void append(TraceRecord.UpcallFields e) {
        TraceHeader clock = clockOf(e.pid());
        store.append(e, clock.filetimeOf(e.startTicks()), clock.ticksToHundredNanos(e.durationTicks()));
    }

    private void append(TraceRecord.DowncallFields d) {
        TraceHeader clock = clockOf(d.pid());
        store.append(d, clock.filetimeOf(d.startTicks()), clock.ticksToHundredNanos(d.durationTicks()));
    }

    @Override
    public void onRecord(TraceRecord record, int length) {
        if (record instanceof TraceRecord.UpcallEvent e) {
            append(e);
        } else if (record instanceof TraceRecord.DowncallEvent d) {
            append(d);
        } else if (record instanceof TraceRecord.ProcessHello h) {
            helloClocks.put(h.pid(),
                    new TraceHeader(-1, 1, 0, 48, h.clockFrequency(), h.startFiletime(), h.startTicks(), 0));
            store.addHello(h);
        } else if (record instanceof TraceRecord.Module m) {
            store.addModule(m);
        } else {
            store.addSideRecord(withFiletime(record));
        }
    }

    private TraceHeader clockOf(int pid) {
        return header != null ? header : helloClocks.getOrDefault(pid, NO_CLOCK);
    }

    /** The record with its ticks as FILETIME. */
    private TraceRecord withFiletime(TraceRecord record) {
        TraceHeader clock = clockOf(record.pid());
        if (record instanceof TraceRecord.ProviderLoaded r) {
            return new TraceRecord.ProviderLoaded(r.offset(), r.pid(), clock.filetimeOf(r.ticks()), r.servedEntryId(),
                    r.servedProviderId(), r.chainPosition(), r.nextEntryId(), r.nextProviderId(), r.nextModuleId(),
                    r.startupResult(), r.status(), r.servedProtocol(), r.nextProviderPath());
        } else if (record instanceof TraceRecord.Drops r) {
            return new TraceRecord.Drops(r.offset(), r.pid(), clock.filetimeOf(r.ticks()), r.dropped(), r.droppedTotal());
        } else if (record instanceof TraceRecord.TracerMessage r) {
            return new TraceRecord.TracerMessage(r.offset(), r.pid(), clock.filetimeOf(r.ticks()), r.severity(),
                    r.status(), r.message());
        }
        TraceRecord.ProcessGoodbye r = (TraceRecord.ProcessGoodbye) record;
        return new TraceRecord.ProcessGoodbye(r.offset(), r.pid(), clock.filetimeOf(r.ticks()), r.emitted(),
                r.droppedTotal(), r.endReason());
    }

    @Override
    public void onDamage(Damage damage) {
        store.addProblem(CaptureProblem.damage(source, damage));
    }

    @Override
    public void onTruncated(long offset) {
        store.addProblem(CaptureProblem.truncated(source, offset));
    }

    @Override
    public void onEndedShort(EndedShort end) {
        store.addProblem(CaptureProblem.endedShort(source, end));
    }

    /** The new content has its own stream header, which gives its clock. */
    @Override
    public void onRestart(FileRestart restart) {
        header = null;
        helloClocks.clear();
        store.addProblem(CaptureProblem.restart(source, restart));
    }
}
