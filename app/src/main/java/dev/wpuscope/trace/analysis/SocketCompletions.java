package dev.wpuscope.trace.analysis;

/**
 * Overlapped completions delivered for one socket.
 *
 * @param completions how many WPUCompleteOverlappedRequest calls named it
 * @param bytes       total cbTransferred
 * @param withError   completions that delivered a non-zero dwError
 * @param failedCalls WPUCompleteOverlappedRequest calls that themselves failed
 */
public record SocketCompletions(int pid, long socket, int completions, long bytes, int withError, int failedCalls) {

    SocketCompletions plus(OverlappedCompletion c) {
        return new SocketCompletions(pid, socket, completions + 1, bytes + c.bytesTransferred(),
                withError + (c.completionError() != 0 ? 1 : 0), failedCalls + (c.call().failed() ? 1 : 0));
    }
}
