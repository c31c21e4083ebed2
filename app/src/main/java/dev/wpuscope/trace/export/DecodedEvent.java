package dev.wpuscope.trace.export;

import dev.wpuscope.trace.WsaErrors;
import dev.wpuscope.trace.model.Filetime;
import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.Upcall;
import dev.wpuscope.trace.store.EventStore;
import dev.wpuscope.trace.store.EventText;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * One stored event with its values decoded for people: the columns of the CSV and JSON Lines exports. The
 * arguments and result read as in the Live Traffic table ({@link EventText}).
 */
public record DecodedEvent(long filetime, int pid, String process, int tid, String module, String upcall,
                           List<Arg> args, String argsText, long result, String resultText, int error,
                           long durationHundredNanos, int sequence, int upcallFlags, String text) {

    /**
     * An argument by name with its value: a number, a text (a GUID in registry form), or neither when it is an
     * out-argument the callee did not write.
     */
    public record Arg(String name, Long number, String text) {
        static Arg number(String name, long value) {
            return new Arg(name, value, null);
        }

        static Arg text(String name, String value) {
            return new Arg(name, null, value);
        }

        static Arg notWritten(String name) {
            return new Arg(name, null, null);
        }
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    public static DecodedEvent of(EventStore store, int row) {
        Upcall upcall = store.upcall(row);
        long result = store.result(row);
        return new DecodedEvent(store.time(row), store.pid(row), store.process(row).image(), store.tid(row),
                store.module(row).path(), upcall == null ? "upcall#" + store.upcallNumber(row) : upcall.apiName(),
                args(store, row), EventText.arguments(store, row), result, EventText.result(upcall, result),
                store.error(row), store.duration(row), store.sequence(row), store.upcallFlags(row), store.text(row));
    }

    /** The arguments by name; WPUGetProviderPath's two GUID halves as one {@code provider_id} in registry form. */
    private static List<Arg> args(EventStore store, int row) {
        Upcall upcall = store.upcall(row);
        List<Arg> args = new ArrayList<>();
        int k = 0;
        if (upcall == Upcall.WPU_GET_PROVIDER_PATH && store.argCount(row) >= 2) {
            args.add(Arg.text("provider_id", EventText.guid(store.arg(row, 0), store.arg(row, 1))));
            k = 2;
        }
        for (; k < store.argCount(row); k++) {
            String name = upcall != null && k < upcall.argNames().size() ? upcall.argNames().get(k) : "arg" + k;
            args.add(store.argWritten(row, k) ? Arg.number(name, store.arg(row, k)) : Arg.notWritten(name));
        }
        return List.copyOf(args);
    }

    /** Whether the callee gave an error code (false: it failed without writing *lpErrno). */
    public boolean errorGiven() {
        return (upcallFlags & TraceRecord.UpcallEvent.FLAG_NO_ERROR_CODE) == 0;
    }

    /** Wall-clock time, ISO-8601 UTC with 100 ns precision. */
    public String time() {
        return TIME.format(Filetime.toInstant(filetime));
    }

    /** "10038 WSAENOTSOCK", {@value WsaErrors#NO_ERROR_CODE_GIVEN}, or "" when there is no error. */
    public String errorText() {
        return WsaErrors.describe(error, errorGiven());
    }

    /** Duration in microseconds. */
    public double durationMicros() {
        return durationHundredNanos / 10.0;
    }
}
