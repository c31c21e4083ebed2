package dev.wpuscope.trace.store;

/**
 * Reads the arguments of the rows a query tests, in ascending row order: a row's packed arguments ({@link PackedArgs})
 * are found from where the previous row read ended instead of from the start of its block. One query (one thread)
 * at a time.
 */
final class ArgCursor {

    /** The most arguments read per row. */
    static final int MAX = 16;

    /** The arguments of the row read last. */
    final long[] values = new long[MAX];
    /** The chunk's arguments and the row read last, and where that row's bytes end. */
    PackedArgs args;
    int row = -1;
    int end;

    /** The first {@code n} ({@code <=} {@link #MAX}) arguments of {@code row}, 0 for those it lacks. */
    long[] read(EventStore store, int row, int n) {
        store.chunk(row).args().read(row & EventChunk.MASK, n, this);
        return values;
    }
}
