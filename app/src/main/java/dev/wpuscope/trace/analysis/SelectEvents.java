package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.WsaErrors;

/** WSAAsyncSelect notifications as WPUPostMessage carries them: FD_* bits in LOWORD(lParam), error in HIWORD. */
public final class SelectEvents {

    private SelectEvents() {
    }

    /** e.g. "FD_READ|FD_CLOSE" or "FD_CONNECT error 10061 WSAECONNREFUSED". */
    public static String describe(long lParam) {
        int error = (int) ((lParam >>> 16) & 0xFFFF);
        String text = FdEvent.describeMask(lParam & 0xFFFF);
        return error == 0 ? text : text + " error " + WsaErrors.describe(error);
    }
}
