package dev.wpuscope.ui.traffic;

import java.util.ArrayList;
import java.util.List;

/** WSAAsyncSelect notifications as WPUPostMessage carries them: FD_* bits in LOWORD(lParam), error in HIWORD. */
public final class SelectEvents {
    private static final String[] NAMES = {"FD_READ", "FD_WRITE", "FD_OOB", "FD_ACCEPT", "FD_CONNECT", "FD_CLOSE",
        "FD_QOS", "FD_GROUP_QOS", "FD_ROUTING_INTERFACE_CHANGE", "FD_ADDRESS_LIST_CHANGE"};

    private SelectEvents() {
    }

    /** e.g. "FD_READ|FD_CLOSE" or "FD_CONNECT error WSAECONNREFUSED (10061)". */
    public static String describe(long lParam) {
        int events = (int) (lParam & 0xFFFF);
        int error = (int) ((lParam >>> 16) & 0xFFFF);
        List<String> names = new ArrayList<>();
        for (int bit = 0; bit < NAMES.length; bit++) {
            if ((events & (1 << bit)) != 0) {
                names.add(NAMES[bit]);
            }
        }
        int unknown = events & ~((1 << NAMES.length) - 1);
        if (unknown != 0) {
            names.add(String.format("0x%X", unknown));
        }
        String text = names.isEmpty() ? "no FD_ event" : String.join("|", names);
        return error == 0 ? text : text + " error " + WinsockErrors.describe(error);
    }
}
