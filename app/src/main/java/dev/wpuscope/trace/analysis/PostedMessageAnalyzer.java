package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.analysis.Finding.Severity;
import dev.wpuscope.trace.model.TraceRecord.UpcallEvent;
import dev.wpuscope.trace.model.Upcall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** WPUPostMessage calls decoded as WSAAsyncSelect notifications, with a timeline per socket. */
public final class PostedMessageAnalyzer extends UpcallAnalyzer {

    private final List<PostedMessage> messages = new ArrayList<>();
    private final Map<SocketRef, List<PostedMessage>> timelines = new LinkedHashMap<>();

    @Override
    protected void onUpcall(UpcallEvent event, String provider) {
        if (event.upcall() != Upcall.WPU_POST_MESSAGE) {
            return;
        }
        PostedMessage message = new PostedMessage(event, provider);
        messages.add(message);
        timelines.computeIfAbsent(new SocketRef(event.pid(), message.socket()), k -> new ArrayList<>()).add(message);
        if (!message.posted()) {
            reportFailure(event, provider, "of " + message.describe() + " for socket " + Hex.of(message.socket()));
        }
        int known = message.eventBits() & FdEvent.KNOWN_BITS;
        if (known != message.eventBits() || known == 0) {
            report(Severity.WARNING, FindingKind.UNKNOWN_FD_EVENT, event, provider, "message for socket "
                    + Hex.of(message.socket()) + " has lParam " + Hex.of(message.lParam())
                    + ": event bits " + message.describe());
        } else if (Integer.bitCount(known) > 1) {
            report(Severity.WARNING, FindingKind.SEVERAL_FD_EVENTS, event, provider, "one message for socket "
                    + Hex.of(message.socket()) + " names " + message.describe()
                    + " (WSAAsyncSelect posts one event per message)");
        }
    }

    /** Every posted message, in order. */
    public synchronized List<PostedMessage> messages() {
        return List.copyOf(messages);
    }

    /** The sockets that got messages, in the order they first did. */
    public synchronized List<SocketRef> sockets() {
        return List.copyOf(timelines.keySet());
    }

    /** The messages for one socket, in order (empty when it got none). */
    public synchronized List<PostedMessage> timeline(SocketRef socket) {
        return List.copyOf(timelines.getOrDefault(socket, List.of()));
    }
}
