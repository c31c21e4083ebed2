package dev.wpuscope.trace.model;

import java.time.Instant;

/** Windows FILETIME values (100 ns units since 1601-01-01 UTC), the store's and the format's wall clock. */
public final class Filetime {
    /** FILETIME of 1970-01-01 UTC. */
    private static final long UNIX_EPOCH = 116_444_736_000_000_000L;
    private static final long PER_SECOND = 10_000_000L;

    private Filetime() {
    }

    /** The instant a FILETIME names, to its full 100 ns precision. */
    public static Instant toInstant(long filetime) {
        long sinceUnix = filetime - UNIX_EPOCH;
        return Instant.ofEpochSecond(Math.floorDiv(sinceUnix, PER_SECOND), Math.floorMod(sinceUnix, PER_SECOND) * 100);
    }
}
