package dev.wpuscope.trace.analysis;

/** The kinds of handles whose lifecycle the analyzers track. */
public enum ResourceKind {
    SOCKET_HANDLE("socket handle"),
    EVENT("event"),
    THREAD_HANDLE("thread handle");

    private final String label;

    ResourceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** E.g. "an event", "a socket handle". */
    public String withArticle() {
        return ("aeiou".indexOf(label.charAt(0)) >= 0 ? "an " : "a ") + label;
    }
}
