package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.catalog.model.NamespaceProvider;
import java.util.List;

/** WPS017: a namespace provider whose Enabled value is 0. */
final class NamespaceDisabledRule extends BaseRule {

    NamespaceDisabledRule() {
        super("WPS017", Severity.WARNING, "A namespace provider is disabled");
    }

    @Override
    public List<Finding> check(DiagnosisContext context) {
        return context.snapshot().namespaceProviders().stream()
                .filter(p -> Boolean.FALSE.equals(p.enabled()))
                .map(this::disabled)
                .toList();
    }

    private Finding disabled(NamespaceProvider provider) {
        return finding("Namespace provider " + EntryLabels.name(provider) + " (" + provider.bitness().label()
                        + ") is disabled",
                List.of(EntryRef.of(provider)),
                "Name resolution through getaddrinfo/WSALookupServiceBegin skips disabled namespace providers. "
                        + "Disabling the DNS (NS_DNS, 12) or NLA provider breaks name lookups of "
                        + provider.bitness().label() + " applications; tools and malware cleanups sometimes leave "
                        + "providers disabled.",
                "Enable it again (WSCEnableNSProvider, or netsh winsock reset) unless it was disabled on "
                        + "purpose.");
    }
}
