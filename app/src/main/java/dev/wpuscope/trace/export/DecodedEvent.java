package dev.wpuscope.trace.export;

import dev.wpuscope.trace.WsaErrors;
import dev.wpuscope.trace.model.Upcall;
import dev.wpuscope.trace.store.EventStore;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One stored event with its values decoded for people: the columns of the CSV and JSON Lines exports. */
public record DecodedEvent(long filetime, int pid, String process, int tid, String module, String upcall,
                           List<Arg> args, long result, String resultText, int error, long durationHundredNanos,
                           int sequence, int upcallFlags, String text) {

    /** An argument by name, with its value and how it reads. */
    public record Arg(String name, long value, String text) {
    }

    private static final long FILETIME_UNIX_EPOCH = 116_444_736_000_000_000L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    /** Arguments that are counts or ids rather than handles or pointers. */
    private static final Set<String> DECIMAL_ARGS = Set.of("catalog_entry_id", "path_len_in", "path_len_out",
            "cbTransferred");

    public static DecodedEvent of(EventStore store, int row) {
        Upcall upcall = store.upcall(row);
        List<Arg> args = new ArrayList<>();
        for (int k = 0; k < store.argCount(row); k++) {
            String name = upcall != null && k < upcall.argNames().size() ? upcall.argNames().get(k) : "arg" + k;
            args.add(new Arg(name, store.arg(row, k), argText(name, store.arg(row, k))));
        }
        long result = store.result(row);
        return new DecodedEvent(store.time(row), store.pid(row), store.process(row).image(), store.tid(row),
                store.module(row).path(), upcall == null ? "upcall#" + store.upcallNumber(row) : upcall.apiName(),
                List.copyOf(args), result, resultText(upcall, result), store.error(row), store.duration(row),
                store.sequence(row), store.upcallFlags(row), store.text(row));
    }

    private static String argText(String name, long value) {
        if (name.equals("dwError")) {
            return value == 0 ? "0" : WsaErrors.describe((int) value);
        }
        return DECIMAL_ARGS.contains(name) ? Long.toUnsignedString(value) : hex(value);
    }

    private static String resultText(Upcall upcall, long result) {
        boolean handle = upcall != null && (upcall.resultKind() == Upcall.ResultKind.SOCKET
                || upcall.resultKind() == Upcall.ResultKind.HANDLE);
        return handle && result != -1 ? hex(result) : Long.toString(result);
    }

    static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }

    /** Wall-clock time, ISO-8601 UTC with 100 ns precision. */
    public String time() {
        long sinceUnix = filetime - FILETIME_UNIX_EPOCH;
        return TIME.format(Instant.ofEpochSecond(Math.floorDiv(sinceUnix, 10_000_000L),
                Math.floorMod(sinceUnix, 10_000_000L) * 100));
    }

    /** The args as "name=value" separated by spaces. */
    public String argsText() {
        StringBuilder b = new StringBuilder();
        for (Arg a : args) {
            b.append(b.length() == 0 ? "" : " ").append(a.name()).append('=').append(a.text());
        }
        return b.toString();
    }

    /** "10038 WSAENOTSOCK", or "" when there is no error. */
    public String errorText() {
        return WsaErrors.describe(error);
    }

    /** Duration in microseconds. */
    public double durationMicros() {
        return durationHundredNanos / 10.0;
    }
}
