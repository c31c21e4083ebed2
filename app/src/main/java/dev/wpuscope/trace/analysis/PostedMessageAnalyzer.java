package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.analysis.Finding.Severity;
import dev.wpuscope.trace.model.TraceRecord.UpcallEvent;
import dev.wpuscope.trace.model.Upcall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WPUPostMessage calls decoded as WSAAsyncSelect notifications, and how many each socket got (a socket's messages in
 * order are in its life in the store: the Sockets view).
 */
public final class PostedMessageAnalyzer extends UpcallAnalyzer {

    private final CappedList<PostedMessage> messages = new CappedList<>();
    /** Messages per socket (a one-element counter), in the order the sockets first got one. */
    private final Map<SocketRef, long[]> countBySocket = new LinkedHashMap<>();

    @Override
    protected void onUpcall(UpcallEvent event, String provider) {
        if (event.upcall() != Upcall.WPU_POST_MESSAGE) {
            return;
        }
        PostedMessage message = new PostedMessage(event, provider);
        messages.add(message);
        countBySocket.computeIfAbsent(new SocketRef(event.pid(), message.socket()), k -> new long[1])[0]++;
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

    /** The posted messages in order: the first 100,000 ({@link #messageCount} counts all). */
    public synchronized List<PostedMessage> messages() {
        return messages.kept();
    }

    public synchronized long messageCount() {
        return messages.total();
    }

    /** The sockets that got messages, in the order they first did. */
    public synchronized List<SocketRef> sockets() {
        return List.copyOf(countBySocket.keySet());
    }

    /** How many messages one socket got. */
    public synchronized long messageCount(SocketRef socket) {
        long[] count = countBySocket.get(socket);
        return count == null ? 0 : count[0];
    }
}
