package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.catalog.model.NamespaceProvider;
import dev.wpuscope.platform.ProviderFileCheck.FileStatus;
import java.util.ArrayList;
import java.util.List;

/** WPS018: a namespace provider DLL that does not exist (live only; offline this is said once by WPS006). */
final class NamespaceFileRule extends BaseRule {

    NamespaceFileRule() {
        super("WPS018", Severity.ERROR, "A namespace provider DLL does not exist (live only)");
    }

    @Override
    public List<Finding> check(DiagnosisContext context) {
        if (context.files().unavailableReason().isPresent()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (NamespaceProvider provider : context.snapshot().namespaceProviders()) {
            if (provider.libraryPath() == null || provider.libraryPath().isBlank()) {
                continue;
            }
            FileStatus status = context.files().check(provider.libraryPath(), provider.bitness());
            if (!status.exists()) {
                findings.add(finding("Namespace provider " + EntryLabels.name(provider) + " (" + provider.bitness().label()
                                + "): " + provider.libraryPath() + " does not exist (looked at "
                                + status.resolvedPath() + ")",
                        List.of(EntryRef.of(provider)),
                        "ws2_32 loads every enabled namespace provider for name lookups; a missing DLL makes "
                                + "lookups through it fail, and some applications report every name lookup as "
                                + "failed.",
                        "Reinstall the software that installed it, remove the provider "
                                + "(WSCUnInstallNameSpace), or run netsh winsock reset."));
            }
        }
        return findings;
    }
}
