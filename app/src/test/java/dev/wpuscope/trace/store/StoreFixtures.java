package dev.wpuscope.trace.store;

import dev.wpuscope.trace.model.TraceRecord;
import java.nio.file.Path;
import java.util.Random;

/** Stores built from the golden vectors or from random events. */
final class StoreFixtures {

    static final Path GOLDEN = Path.of(System.getProperty("wpuscope.root", "."), "resources", "trace-format", "golden");

    private StoreFixtures() {
    }

    static EventStore golden(String name) throws Exception {
        return StoreFeed.load(GOLDEN.resolve(name + ".wputrace"));
    }

    /** A random upcall; values chosen so that filters hit and miss, some too wide for an int. */
    static TraceRecord.UpcallEvent randomEvent(Random r, int sequence) {
        int upcall = r.nextInt(20) == 0 ? 16 + r.nextInt(3) : r.nextInt(16);
        long[] args = new long[r.nextInt(5)];
        for (int k = 0; k < args.length; k++) {
            args[k] = r.nextInt(4) == 0 ? r.nextLong() : 0x100 + r.nextInt(40);
        }
        long result = switch (r.nextInt(4)) {
            case 0 -> -1;
            case 1 -> 0;
            case 2 -> r.nextLong();
            default -> 0x100 + r.nextInt(40);
        };
        int error = r.nextInt(5) == 0 ? 10038 + r.nextInt(20) : 0;
        long duration = r.nextInt(10) == 0 ? (1L << 40) + r.nextInt(9) : r.nextInt(1000);
        String text = r.nextInt(30) == 0 ? "C:\\dir" + r.nextInt(5) + "\\mswsock.dll" : "";
        return new TraceRecord.UpcallEvent(0, 100 + r.nextInt(4), sequence, upcall, 7000 + r.nextInt(6),
                r.nextInt(3), 0x7FF0_0000_0000L + r.nextInt(8), 1000L + sequence, duration, result, error,
                r.nextInt(16), args, text);
    }
}
