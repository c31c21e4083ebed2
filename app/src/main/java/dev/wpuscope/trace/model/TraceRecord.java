package dev.wpuscope.trace.model;

import java.util.UUID;

/**
 * One decoded record of the trace format (resources/trace-format/SPEC.md §4). Every record carries
 * its byte offset in the capture and the pid it is about. Field names follow the spec.
 */
public sealed interface TraceRecord {

    /** Byte offset of the record in the capture. */
    long offset();

    int pid();

    /**
     * What an UPCALL or a DOWNCALL says: a call the tracer timed on a thread. Both kinds share one sequence counter
     * per load session (gaps are drops of either kind) and may name the downcall in progress on the same thread as
     * their parent. Implemented by the decoded records and by the decoder's reusable views over a record's bytes.
     */
    interface CallFields {
        int pid();

        int sequence();

        int tid();

        long startTicks();

        long durationTicks();

        long result();

        int error();

        /** Whether the result means failure. */
        boolean failed();

        /** The arguments as recorded (a view's array is reused for its next record). */
        long[] args();

        /** Argument {@code i}, or 0 when the record has fewer. */
        default long arg(int i) {
            long[] args = args();
            return i < args.length ? args[i] : 0;
        }

        String text();

        /**
         * The {@code call_id} of the downcall in progress on the same thread when this call was made (it happened
         * inside that call), 0 when none, {@code null} when the record lacks the field (an upcall of a 1.0 or 1.1
         * tracer).
         */
        Integer parentCallId();

        /** The parent call id, 0 when there is none or the record does not say. */
        default int parentCallIdOrZero() {
            Integer parent = parentCallId();
            return parent == null ? 0 : parent;
        }
    }

    /** An UPCALL or a DOWNCALL record. */
    sealed interface Call extends TraceRecord, CallFields permits UpcallEvent, DowncallEvent {
    }

    /** What an UPCALL says (§4.4); the flag constants are {@link UpcallEvent}'s. */
    interface UpcallFields extends CallFields {
        int upcallNumber();

        int callerModuleId();

        long callerAddress();

        int upcallFlags();

        /** The upcall, or null for a number this reader does not know. */
        default Upcall upcall() {
            return Upcall.ofNumber(upcallNumber());
        }

        @Override
        default boolean failed() {
            Upcall u = upcall();
            return u != null && u.isFailure(result());
        }

        /** Whether the callee gave an error code (false: it failed without writing *lpErrno). */
        default boolean errorGiven() {
            return (upcallFlags() & UpcallEvent.FLAG_NO_ERROR_CODE) == 0;
        }

        /** Whether argument {@code i} holds what the callee wrote (false: an out-argument it left alone). */
        default boolean argWritten(int i) {
            Upcall u = upcall();
            return u == null || u.isArgWritten(i, upcallFlags());
        }
    }

    /** What a DOWNCALL says (§4.8, 1.2); the flag constants are {@link DowncallEvent}'s. */
    interface DowncallFields extends CallFields {
        int functionNumber();

        int callId();

        int servedEntryId();

        long socket();

        int callFlags();

        /** The captured bytes (empty unless a capture size was configured). */
        byte[] data();

        /** The function, or null for a number this reader does not know. */
        default Downcall function() {
            return Downcall.ofNumber(functionNumber());
        }

        @Override
        default boolean failed() {
            Downcall f = function();
            return f != null && f.isFailure(result());
        }

        /** Whether an overlapped operation was started that completes later (call_flags bit 2). */
        default boolean pending() {
            return (callFlags() & DowncallEvent.FLAG_PENDING) != 0;
        }

        /** Whether the callee gave an error code (false: it failed without writing *lpErrno). */
        default boolean errorGiven() {
            return (callFlags() & DowncallEvent.FLAG_NO_ERROR_CODE) == 0;
        }
    }

    /**
     * 1 PROCESS_HELLO. {@code loadSession} is {@code null} when the record lacks the fields of 1.1 (a 1.0
     * tracer): such a hello always begins a new process.
     */
    record ProcessHello(long offset, int pid, int parentPid, int bitness, int tracerVersion,
                        long clockFrequency, long startFiletime, long startTicks,
                        String imagePath, String commandLine, LoadSession loadSession) implements TraceRecord {
    }

    /** 2 PROVIDER_LOADED */
    record ProviderLoaded(long offset, int pid, long ticks, int servedEntryId, UUID servedProviderId,
                          int chainPosition, int nextEntryId, UUID nextProviderId, int nextModuleId,
                          int startupResult, int status, String servedProtocol,
                          String nextProviderPath) implements TraceRecord {
    }

    /** 3 MODULE */
    record Module(long offset, int pid, int moduleId, long base, int size, String path) implements TraceRecord {
    }

    /**
     * 4 UPCALL. {@code upcall} is null for an upcall number this reader does not know. {@code parentCallId} is
     * {@code null} when the record lacks the field of 1.2 (a 1.0 or 1.1 tracer).
     */
    record UpcallEvent(long offset, int pid, int sequence, int upcallNumber, int tid, int callerModuleId,
                       long callerAddress, long startTicks, long durationTicks, long result, int error,
                       int upcallFlags, long[] args, String text, Integer parentCallId)
            implements Call, UpcallFields {

        public static final int FLAG_OUT_ARG_UNREADABLE = 1;
        public static final int FLAG_REENTERED = 2;
        /** 1.1: the upcall failed without writing *lpErrno: {@code error} is 0 because none was given. */
        public static final int FLAG_NO_ERROR_CODE = 4;
        /** 1.1: the upcall succeeded without writing an out-argument: the recorded value is the caller's own. */
        public static final int FLAG_OUT_ARG_NOT_WRITTEN = 8;

        /** An upcall of a 1.0 or 1.1 tracer: without parent_call_id. */
        public UpcallEvent(long offset, int pid, int sequence, int upcallNumber, int tid, int callerModuleId,
                           long callerAddress, long startTicks, long durationTicks, long result, int error,
                           int upcallFlags, long[] args, String text) {
            this(offset, pid, sequence, upcallNumber, tid, callerModuleId, callerAddress, startTicks, durationTicks,
                    result, error, upcallFlags, args, text, null);
        }
    }

    /**
     * 8 DOWNCALL (1.2): one call into the provider below the tracer. {@code function} is null for a function number
     * this reader does not know. {@code data} is the captured bytes (empty unless a capture size was configured).
     */
    record DowncallEvent(long offset, int pid, int sequence, int functionNumber, int tid, int callId,
                         Integer parentCallId, int servedEntryId, long startTicks, long durationTicks, long socket,
                         long result, int error, int callFlags, long[] args, String text, byte[] data)
            implements Call, DowncallFields {

        /** A structure argument was not read (null pointer, or the call failed with WSAEFAULT): its args are 0. */
        public static final int FLAG_NOT_READ = 1;
        /** The call failed without writing *lpErrno: {@code error} is 0 because none was given. */
        public static final int FLAG_NO_ERROR_CODE = 2;
        /** The call failed with WSA_IO_PENDING: an overlapped operation was started and completes later. */
        public static final int FLAG_PENDING = 4;
        /** {@code data} holds fewer bytes than the call transferred. */
        public static final int FLAG_DATA_CLIPPED = 8;

    }

    /** 5 DROPS */
    record Drops(long offset, int pid, long ticks, long dropped, long droppedTotal) implements TraceRecord {
    }

    /** 6 TRACER_MESSAGE */
    record TracerMessage(long offset, int pid, long ticks, int severity, int status, String message)
            implements TraceRecord {
    }

    /** 7 PROCESS_GOODBYE: a load session ends. {@code endReason} is the code, {@code null} when absent (1.0). */
    record ProcessGoodbye(long offset, int pid, long ticks, long emitted, long droppedTotal, Integer endReason)
            implements TraceRecord {

        /** Why the load session ended ({@link EndReason#UNKNOWN} for a 1.0 goodbye). */
        public EndReason reason() {
            return EndReason.of(endReason);
        }
    }
}
