package dev.wpuscope.platform;

/**
 * Asks the system whether it trusts a file's signature, chain up to a trusted root included. Only Windows
 * can answer (WinVerifyTrust); elsewhere the chain cannot be judged and {@link #OFFLINE} says so.
 */
@FunctionalInterface
public interface TrustCheck {

    /** The verdict for the file at {@code path} (a path this process can open), in words for the user. */
    String verdict(String path);

    /** No trust store to ask: the chain is not checked. */
    TrustCheck OFFLINE = path -> "chain not checked: offline (only Windows can judge trust in a root)";
}
