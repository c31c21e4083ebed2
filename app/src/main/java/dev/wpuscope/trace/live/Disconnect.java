package dev.wpuscope.trace.live;

/** Why a pipe client's connection ended. */
public record Disconnect(Kind kind, String detail) {

    public enum Kind {
        /** The client closed its end after complete records: a normal end. */
        CLIENT_CLOSED(false),
        /** The server was closed. */
        SERVER_CLOSED(false),
        /** The client disconnected inside a header or record. */
        TRUNCATED(true),
        /** The client did not send a wpuscope capture (no header, or a newer major version). */
        NOT_A_CAPTURE(true),
        /** Damaged bytes: a bad length, CRC or record. */
        DAMAGED(true),
        /** A header or record larger than the limit was pending. */
        RECORD_TOO_LARGE(true),
        /** More bytes per second than the limit. */
        FLOODING(true),
        /** No header in time, or stuck inside a record. */
        STALLED(true),
        /** The server already served its maximum number of clients. */
        TOO_MANY_CLIENTS(true),
        /** Reading from the client failed. */
        READ_FAILED(true),
        /** The listener threw while taking this client's records. */
        SINK_FAILED(true),
        /** A bug in wpuscope while serving this client. */
        INTERNAL_ERROR(true);

        private final boolean cutOff;

        Kind(boolean cutOff) {
            this.cutOff = cutOff;
        }

        /** Whether the server ended the connection because of the client (or could not serve it). */
        public boolean cutOff() {
            return cutOff;
        }
    }

    @Override
    public String toString() {
        return (kind.cutOff() ? "cut off: " : "") + detail;
    }
}
