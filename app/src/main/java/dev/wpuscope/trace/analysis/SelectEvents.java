package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.WsaErrors;
import java.util.ArrayList;
import java.util.List;

/** WSAAsyncSelect notifications as WPUPostMessage carries them: FD_* bits in LOWORD(lParam), error in HIWORD. */
public final class SelectEvents {

    private SelectEvents() {
    }

    /** e.g. "FD_READ|FD_CLOSE" or "FD_CONNECT error 10061 WSAECONNREFUSED". */
    public static String describe(long lParam) {
        int bits = (int) (lParam & 0xFFFF);
        int error = (int) ((lParam >>> 16) & 0xFFFF);
        List<String> names = new ArrayList<>();
        FdEvent.decode(bits).forEach(event -> names.add(event.constantName()));
        int unknown = bits & ~FdEvent.KNOWN_BITS;
        if (unknown != 0) {
            names.add(String.format("0x%X", unknown));
        }
        String text = names.isEmpty() ? "no FD_ event" : String.join("|", names);
        return error == 0 ? text : text + " error " + WsaErrors.describe(error);
    }
}
