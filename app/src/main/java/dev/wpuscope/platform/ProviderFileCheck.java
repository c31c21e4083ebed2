package dev.wpuscope.platform;

import dev.wpuscope.catalog.model.Bitness;
import java.util.Optional;

/**
 * Checks whether a provider DLL named in a catalog exists, resolving the stored path the way a process of
 * the catalog's bitness would load it, and reads its version and signature. Only possible on the machine the catalog was read from; for an
 * offline file the check is unavailable and says why.
 */
public interface ProviderFileCheck {

    /** Empty when files can be checked here; otherwise the reason, shown once to the user. */
    Optional<String> unavailableReason();

    /**
     * Resolves and checks one stored path. Only called when {@link #unavailableReason()} is empty.
     *
     * @param storedPath the path as stored in the catalog, e.g. {@code %SystemRoot%\system32\mswsock.dll}
     * @param catalog    the catalog the path comes from: a 32-bit process on 64-bit Windows loads
     *                   {@code System32} paths from {@code SysWOW64}
     */
    FileStatus check(String storedPath, Bitness catalog);

    /**
     * Version, signer and signature of the file a stored path resolves to. Only called when
     * {@link #unavailableReason()} is empty. Without a trust store to ask, the chain is reported unchecked.
     */
    default ProviderFileDetails details(String storedPath, Bitness catalog) {
        return ProviderFileDetails.read(check(storedPath, catalog), TrustCheck.OFFLINE);
    }

    /** Result of a check: the path actually looked at, and whether a file is there. */
    record FileStatus(String resolvedPath, boolean exists) {
    }

    /** A check for catalogs read from files of another machine (or on a system that is not Windows). */
    static ProviderFileCheck unavailable(String reason) {
        return new ProviderFileCheck() {
            @Override
            public Optional<String> unavailableReason() {
                return Optional.of(reason);
            }

            @Override
            public FileStatus check(String storedPath, Bitness catalog) {
                throw new IllegalStateException("file checks are unavailable: " + reason);
            }
        };
    }
}
