package dev.wpuscope.ui.traffic;

import dev.wpuscope.trace.model.Upcall;
import dev.wpuscope.trace.store.EventStore;
import dev.wpuscope.trace.store.EventText;
import dev.wpuscope.trace.store.IntList;
import dev.wpuscope.ui.DetailRow;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The detail pane's lines for one event: where and when, the call it ran inside (or the calls that ran inside it),
 * each argument decoded (a downcall's addresses, ioctl names, FD_* masks; an upcall's in hex and decimal), result,
 * error and socket.
 */
final class EventDetails {
    /** Where a decoded argument text starts a new argument: {@code , name=}. */
    private static final Pattern NEXT_ARGUMENT = Pattern.compile(", (?=[A-Za-z_0-9]+=)");

    private EventDetails() {
    }

    static List<DetailRow> of(TrafficEvents events, EventFormat format, int row) {
        EventStore store = events.store();
        List<DetailRow> lines = new ArrayList<>();
        lines.add(new DetailRow("Event", Integer.toString(row + 1)));
        lines.add(new DetailRow("Time", format.time(row)));
        lines.add(new DetailRow("Process", events.processName(row) + " (pid " + events.pid(row) + ")"));
        lines.add(new DetailRow("Thread", Integer.toString(events.tid(row))));
        lines.add(new DetailRow("Provider", EventText.providerLabel(events.providerName(row))));
        lines.add(new DetailRow("Kind", EventText.kind(store, row)));
        lines.add(new DetailRow(store.isDowncall(row) ? "Function" : "Upcall", format.call(row)));
        addNesting(store, row, lines);
        if (store.isDowncall(row)) {
            for (String argument : NEXT_ARGUMENT.split(format.arguments(row))) {
                int equals = argument.indexOf('=');
                if (equals > 0) {
                    lines.add(new DetailRow("  " + argument.substring(0, equals), argument.substring(equals + 1)));
                }
            }
            lines.add(new DetailRow("Served entry", Integer.toUnsignedString(store.servedEntryId(row))));
        } else {
            addUpcallArguments(events, row, lines);
            if (!events.text(row).isEmpty()) {
                lines.add(new DetailRow("Text", events.text(row)));
            }
        }
        lines.add(new DetailRow("Arguments", format.arguments(row)));
        lines.add(new DetailRow("Result", format.result(row) + (format.failed(row) ? "  (failed)" : "")));
        lines.add(new DetailRow("Error", format.error(row).isEmpty() ? "none" : format.error(row)));
        lines.add(new DetailRow("Duration", format.duration(row)));
        long socket = format.socket(row);
        if (socket != -1) {
            lines.add(new DetailRow("Socket", EventFormat.hex(socket)));
        }
        return lines;
    }

    /** The call the row ran inside, and what ran inside it. */
    private static void addNesting(EventStore store, int row, List<DetailRow> lines) {
        int parentId = store.parentCallId(row);
        if (parentId != 0) {
            int parent = store.parentRow(row);
            lines.add(new DetailRow("Inside", parent == EventStore.NO_ROW
                    ? "downcall #" + Integer.toUnsignedString(parentId) + ", not in the capture yet (still running, "
                    + "or its record was dropped)"
                    : store.callName(parent) + " (downcall #" + Integer.toUnsignedString(parentId) + ", event "
                    + (parent + 1) + ")"));
        }
        if (store.isDowncall(row)) {
            IntList children = store.children(row);
            if (!children.isEmpty()) {
                List<String> names = new ArrayList<>();
                for (int k = 0; k < children.size(); k++) {
                    names.add(store.callName(children.get(k)));
                }
                lines.add(new DetailRow("Ran inside it", String.join(", ", names)));
            }
        }
    }

    private static void addUpcallArguments(TrafficEvents events, int row, List<DetailRow> lines) {
        Upcall upcall = events.upcall(row);
        List<String> names = upcall == null ? List.of() : upcall.argNames();
        for (int i = 0; i < events.argCount(row); i++) {
            String name = i < names.size() ? names.get(i) : "arg " + i;
            lines.add(new DetailRow("  " + name, EventFormat.hex(events.arg(row, i))
                    + " (" + Long.toUnsignedString(events.arg(row, i)) + ")"));
        }
    }
}
