package dev.wpuscope.trace.io;

import dev.wpuscope.text.Printable;

/**
 * The one error type trace readers throw: the input is not a capture, is of a newer major version,
 * or cannot be read at all. Damage inside a capture is never thrown; it is reported through
 * {@link TraceListener#onDamage}. The message names the source and is meant to be shown as it is.
 */
public class TraceReadException extends Exception {

    private final String reason;

    /** Characters that are not printable (in the source name, or input quoted in the reason) are escaped. */
    public TraceReadException(String source, String reason) {
        super(Printable.escape(source + ": " + reason));
        this.reason = Printable.escape(reason);
    }

    public TraceReadException(String source, String reason, Throwable cause) {
        super(Printable.escape(source + ": " + reason), cause);
        this.reason = Printable.escape(reason);
    }

    /** The message without the source name, e.g. "capture format 2.0 is newer than this wpuscope reads (1.x)". */
    public String reason() {
        return reason;
    }
}
