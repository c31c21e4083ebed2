package dev.wpuscope.catalog.known;

/**
 * Something a product is known to break.
 *
 * @param symptom           what the user sees
 * @param error             the error code, API or failure, e.g. {@code Wsl/Service/0x8007273d (WSAEOPNOTSUPP)}
 * @param affected          the software that breaks
 * @param source            the page that reports it
 * @param workaround        what fixed it, when a source says; {@code null} when none is published
 * @param workaroundSource  the page that states the workaround; {@code null} without one
 */
public record KnownBreakage(
        String symptom,
        String error,
        String affected,
        String source,
        String workaround,
        String workaroundSource) {

    /** "Docker for Windows (docker CLI): every docker command fails … [error] (source: https://…)" */
    public String describe() {
        return affected + ": " + symptom + " [" + error + "] (source: " + source + ")";
    }
}
