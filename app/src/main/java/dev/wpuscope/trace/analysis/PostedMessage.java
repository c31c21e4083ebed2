package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.WsaErrors;
import dev.wpuscope.trace.model.TraceRecord.UpcallEvent;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One WPUPostMessage call, with its lParam decoded as a WSAAsyncSelect notification:
 * WSAGETSELECTEVENT(lParam) = LOWORD, WSAGETSELECTERROR(lParam) = HIWORD.
 */
public record PostedMessage(UpcallEvent call, String provider) {

    public long hwnd() {
        return call.arg(0);
    }

    public int msg() {
        return (int) call.arg(1);
    }

    /** wParam: the socket the notification is about. */
    public long socket() {
        return call.arg(2);
    }

    public long lParam() {
        return call.arg(3);
    }

    /** WSAGETSELECTEVENT: the low word. */
    public int eventBits() {
        return (int) (lParam() & 0xFFFF);
    }

    /** WSAGETSELECTERROR: the high word of the low 32 bits. */
    public int selectError() {
        return (int) ((lParam() >>> 16) & 0xFFFF);
    }

    public Set<FdEvent> events() {
        return FdEvent.decode(eventBits());
    }

    /** Whether PostMessage succeeded. */
    public boolean posted() {
        return !call.failed();
    }

    /** E.g. {@code FD_CLOSE, WSAECONNABORTED (10053)} or {@code FD_READ}. */
    public String describe() {
        String events = events().stream().map(FdEvent::constantName).collect(Collectors.joining("|"));
        int unknown = eventBits() & ~FdEvent.KNOWN_BITS;
        if (unknown != 0 || events.isEmpty()) {
            events = (events.isEmpty() ? "" : events + "|") + Hex.of(unknown);
        }
        return selectError() == 0 ? events : events + ", " + WsaErrors.describe(selectError());
    }
}
