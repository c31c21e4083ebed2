package dev.wpuscope.trace.analysis;

/**
 * One problem an analyzer found in a trace.
 *
 * @param severity how bad it is
 * @param kind     what kind of problem
 * @param pid      process it is about
 * @param provider the provider module it is attributed to (see {@link ModuleDirectory#providerName})
 * @param offset   byte offset in the capture of the record that shows it
 * @param message  one readable sentence naming the handle, upcall or value involved
 */
public record Finding(Severity severity, FindingKind kind, int pid, String provider, long offset, String message) {

    /** How bad a finding is. */
    public enum Severity {
        INFO, WARNING, ERROR
    }

    @Override
    public String toString() {
        return severity + " " + kind.label() + " [pid " + pid + ", " + provider + ", offset " + offset + "]: "
                + message;
    }
}
