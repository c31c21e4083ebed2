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

    /** 1 PROCESS_HELLO */
    record ProcessHello(long offset, int pid, int parentPid, int bitness, int tracerVersion,
                        long clockFrequency, long startFiletime, long startTicks,
                        String imagePath, String commandLine) implements TraceRecord {
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

    /** 4 UPCALL. {@code upcall} is null for an upcall number this reader does not know. */
    record UpcallEvent(long offset, int pid, int sequence, int upcallNumber, int tid, int callerModuleId,
                       long callerAddress, long startTicks, long durationTicks, long result, int error,
                       int upcallFlags, long[] args, String text) implements TraceRecord {

        public static final int FLAG_OUT_ARG_UNREADABLE = 1;
        public static final int FLAG_REENTERED = 2;

        public Upcall upcall() {
            return Upcall.ofNumber(upcallNumber);
        }

        /** Argument {@code i}, or 0 when the record has fewer. */
        public long arg(int i) {
            return i < args.length ? args[i] : 0;
        }

        public boolean failed() {
            Upcall u = upcall();
            return u != null && u.isFailure(result);
        }
    }

    /** 5 DROPS */
    record Drops(long offset, int pid, long ticks, long dropped, long droppedTotal) implements TraceRecord {
    }

    /** 6 TRACER_MESSAGE */
    record TracerMessage(long offset, int pid, long ticks, int severity, int status, String message)
            implements TraceRecord {
    }

    /** 7 PROCESS_GOODBYE */
    record ProcessGoodbye(long offset, int pid, long ticks, long emitted, long droppedTotal)
            implements TraceRecord {
    }
}
