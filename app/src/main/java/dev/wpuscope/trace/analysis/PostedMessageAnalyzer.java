package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.analysis.Finding.Severity;
import dev.wpuscope.trace.model.TraceRecord.UpcallEvent;
import dev.wpuscope.trace.model.Upcall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** WPUPostMessage calls decoded as WSAAsyncSelect notifications, with a timeline per socket. */
public final class PostedMessageAnalyzer extends UpcallAnalyzer {

    private final CappedList<PostedMessage> messages = new CappedList<>(CappedList.PER_ANALYZER);
    private final Map<SocketRef, CappedList<PostedMessage>> timelines = new LinkedHashMap<>();

    @Override
    protected void onUpcall(UpcallEvent event, String provider) {
        if (event.upcall() != Upcall.WPU_POST_MESSAGE) {
            return;
        }
        PostedMessage message = new PostedMessage(event, provider);
        messages.add(message);
        timelines.computeIfAbsent(new SocketRef(event.pid(), message.socket()),
                k -> new CappedList<>(CappedList.PER_ITEM)).add(message);
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
        return List.copyOf(timelines.keySet());
    }

    /** The messages for one socket, in order: the first 1000 (empty when it got none). */
    public synchronized List<PostedMessage> timeline(SocketRef socket) {
        CappedList<PostedMessage> timeline = timelines.get(socket);
        return timeline == null ? List.of() : timeline.kept();
    }

    /** How many messages one socket got. */
    public synchronized long messageCount(SocketRef socket) {
        CappedList<PostedMessage> timeline = timelines.get(socket);
        return timeline == null ? 0 : timeline.total();
    }
}
