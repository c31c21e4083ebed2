package dev.wpuscope.trace.store;

/** What a row of the event store is: a call a provider made up into ws2_32, or a call into a provider. */
public enum RowKind {
    /** An UPCALL record: a provider called the upcall table (or WPUCompleteOverlappedRequest). */
    UPCALL,
    /** A DOWNCALL record (1.2): ws2_32 called the provider below the tracer through its WSPPROC_TABLE. */
    DOWNCALL;

    /** The name exports and the table use: {@code upcall}, {@code downcall}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
