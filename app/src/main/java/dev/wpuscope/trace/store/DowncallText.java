package dev.wpuscope.trace.store;

import dev.wpuscope.trace.WinsockNames;
import dev.wpuscope.trace.Sockaddr;
import dev.wpuscope.trace.model.Downcall;
import dev.wpuscope.trace.model.TraceRecord.DowncallEvent;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A downcall's arguments as people read them (trace format §4 type 8): by name, the sockaddr words as one address
 * ({@code addr=127.0.0.1:8080}), ioctl codes, FD_* masks, option levels and names, families, types and protocols by
 * their constants, select timeouts in time units, the captured bytes in hex.
 */
public final class DowncallText {

    /** The address of a call whose sockaddr the tracer did not read (call_flags bit 0). */
    public static final String NOT_READ = "(not read)";

    private DowncallText() {
    }

    /**
     * The arguments text, e.g. {@code hwnd=0x10A2E, msg=0x401, events=FD_READ|FD_WRITE|FD_CLOSE}.
     *
     * @param function null for a function number this version does not know: the args in hex
     */
    public static String arguments(Downcall function, long[] args, int callFlags, String text, byte[] data) {
        List<String> parts = new ArrayList<>();
        if (function == null) {
            for (long arg : args) {
                parts.add(EventText.hex(arg));
            }
        } else {
            List<String> names = function.argNames();
            for (int i = 0; i < names.size() && i < args.length; i++) {
                String name = names.get(i);
                if (name.equals("sa0")) {
                    parts.add("addr=" + address(args, i, callFlags));
                    i += 3;
                } else if (name.equals("optname")) {
                    parts.add(name + "=" + WinsockNames.optionName(args[names.indexOf("level")], args[i]));
                } else {
                    parts.add(name + "=" + ArgFormat.of(function, name).text(args[i]));
                }
            }
        }
        if (!text.isEmpty()) {
            parts.add("string=" + text);
        }
        if (data.length > 0) {
            parts.add("data=" + HexFormat.of().formatHex(data)
                    + ((callFlags & DowncallEvent.FLAG_DATA_CLIPPED) != 0 ? " (clipped)" : ""));
        }
        return String.join(", ", parts);
    }

    /** The sockaddr whose first word is {@code args[at]}: {@code 127.0.0.1:8080}, or why there is none. */
    public static String address(long[] args, int at, int callFlags) {
        long sa1 = at + 1 < args.length ? args[at + 1] : 0;
        long sa2 = at + 2 < args.length ? args[at + 2] : 0;
        long sa3 = at + 3 < args.length ? args[at + 3] : 0;
        boolean empty = args[at] == 0 && sa1 == 0 && sa2 == 0 && sa3 == 0;
        if (empty && (callFlags & DowncallEvent.FLAG_NOT_READ) != 0) {
            return NOT_READ;
        }
        return Sockaddr.text(args[at], sa1, sa2, sa3);
    }
}
