package dev.wpuscope.trace.export;

import dev.wpuscope.trace.WsaErrors;
import dev.wpuscope.trace.model.Filetime;
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

    /** An argument by name, with its value. */
    public record Arg(String name, long value) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    public static DecodedEvent of(EventStore store, int row) {
        Upcall upcall = store.upcall(row);
        List<Arg> args = new ArrayList<>();
        for (int k = 0; k < store.argCount(row); k++) {
            String name = upcall != null && k < upcall.argNames().size() ? upcall.argNames().get(k) : "arg" + k;
            args.add(new Arg(name, store.arg(row, k)));
        }
        long result = store.result(row);
        return new DecodedEvent(store.time(row), store.pid(row), store.process(row).image(), store.tid(row),
                store.module(row).path(), upcall == null ? "upcall#" + store.upcallNumber(row) : upcall.apiName(),
                List.copyOf(args), EventText.arguments(store, row), result, EventText.result(upcall, result),
                store.error(row), store.duration(row), store.sequence(row), store.upcallFlags(row), store.text(row));
    }

    /** Wall-clock time, ISO-8601 UTC with 100 ns precision. */
    public String time() {
        return TIME.format(Filetime.toInstant(filetime));
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
