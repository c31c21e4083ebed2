package dev.wpuscope.trace.io;

/**
 * A listener that takes UPCALL and DOWNCALL records as views over their bytes ({@link CallView}) instead of
 * {@link dev.wpuscope.trace.model.TraceRecord} objects, so decoding allocates nothing per call. A view is valid only
 * until the method returns; {@link #onRecord} gets every other record.
 */
public interface CallViewListener extends TraceListener {

    /** An UPCALL record and its encoded length in bytes. */
    void onUpcall(UpcallView upcall, int length);

    /** A DOWNCALL record and its encoded length in bytes. */
    void onDowncall(DowncallView downcall, int length);
}
