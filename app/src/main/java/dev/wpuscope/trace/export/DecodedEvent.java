package dev.wpuscope.trace.export;

import dev.wpuscope.trace.WsaErrors;
import dev.wpuscope.trace.model.Filetime;
import dev.wpuscope.trace.model.Downcall;
import dev.wpuscope.trace.model.Upcall;
import dev.wpuscope.trace.store.DowncallText;
import dev.wpuscope.trace.store.EventStore;
import dev.wpuscope.trace.store.EventText;
import dev.wpuscope.trace.store.RowKind;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One stored row (an upcall or a downcall) with its values decoded for people: the columns of the CSV and JSON Lines
 * exports. The arguments and result read as in the Live Traffic table ({@link EventText}).
 *
 * @param call         the upcall or downcall function name
 * @param callId       a downcall's call id, 0 for an upcall
 * @param parentCallId the call id of the downcall the row ran inside (0: none), null when the record does not say
 *                     (an upcall of a 1.0 or 1.1 tracer)
 * @param depth        how deep the row is nested ({@link EventStore#depth})
 * @param socket       the socket the row is about, 0 when none
 * @param servedEntryId a downcall's served catalog entry id, 0 for an upcall
 * @param data         the bytes a downcall captured, in hex ("" when none)
 */
public record DecodedEvent(long filetime, int pid, String process, int tid, RowKind kind, int callId,
                           Integer parentCallId, int depth, String module, String call, long socket, List<Arg> args,
                           String argsText, long result, String resultText, int error, boolean errorGiven,
                           long durationHundredNanos, int sequence, int upcallFlags, int servedEntryId, String text,
                           String data) {

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
        return new DecodedEvent(store.time(row), store.pid(row), store.process(row).image(), store.tid(row),
                store.kind(row), store.callId(row), store.parentGiven(row) ? store.parentCallId(row) : null,
                store.depth(row), store.module(row).path(), store.callName(row), store.socket(row),
                args(store, row), EventText.arguments(store, row), store.result(row), EventText.result(store, row),
                store.error(row), store.errorGiven(row), store.duration(row), store.sequence(row),
                store.upcallFlags(row), store.servedEntryId(row), store.text(row),
                HexFormat.of().formatHex(store.data(row)));
    }

    /**
     * The arguments by name; WPUGetProviderPath's two GUID halves as one {@code provider_id} in registry form; a
     * downcall's sockaddr words as they are, followed by the {@code address} they hold in text.
     */
    private static List<Arg> args(EventStore store, int row) {
        if (store.isDowncall(row)) {
            return downcallArgs(store, row);
        }
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

    private static List<Arg> downcallArgs(EventStore store, int row) {
        Downcall function = store.downcall(row);
        long[] values = new long[store.argCount(row)];
        List<Arg> args = new ArrayList<>();
        for (int k = 0; k < values.length; k++) {
            values[k] = store.arg(row, k);
            String name = function != null && k < function.argNames().size() ? function.argNames().get(k) : "arg" + k;
            args.add(Arg.number(name, values[k]));
        }
        int sockaddr = function == null ? -1 : function.sockaddrIndex();
        if (sockaddr >= 0 && sockaddr < values.length) {
            args.add(Arg.text("address", DowncallText.address(values, sockaddr, store.upcallFlags(row))));
        }
        return List.copyOf(args);
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
