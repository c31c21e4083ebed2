package dev.wpuscope.trace.export;

import dev.wpuscope.trace.io.TraceReader;
import dev.wpuscope.trace.store.EventStore;
import dev.wpuscope.trace.store.StoreFeed;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;

final class ExportFixtures {

    private ExportFixtures() {
    }

    static EventStore golden(String name) throws Exception {
        EventStore store = new EventStore();
        Path file = Path.of(System.getProperty("wpuscope.root", "."), "resources", "trace-format", "golden",
                name + ".wputrace");
        TraceReader.read(file, new StoreFeed(store, name));
        return store;
    }

    static EventStore load(byte[] capture) throws Exception {
        EventStore store = new EventStore();
        TraceReader.read(new ByteArrayInputStream(capture), "saved", new StoreFeed(store, "saved"));
        return store;
    }
}
