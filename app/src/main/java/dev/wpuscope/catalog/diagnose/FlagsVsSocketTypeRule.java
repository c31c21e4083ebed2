package dev.wpuscope.catalog.diagnose;

import static dev.wpuscope.catalog.model.ServiceFlag.CONNECTIONLESS;
import static dev.wpuscope.catalog.model.ServiceFlag.GUARANTEED_DELIVERY;
import static dev.wpuscope.catalog.model.ServiceFlag.GUARANTEED_ORDER;
import static dev.wpuscope.catalog.model.ServiceFlag.MESSAGE_ORIENTED;
import static dev.wpuscope.catalog.model.ServiceFlag.PSEUDO_STREAM;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.EntryType;
import dev.wpuscope.catalog.model.ProtocolInfo;
import dev.wpuscope.catalog.model.ServiceFlag;
import java.util.ArrayList;
import java.util.List;

/**
 * WPS016: XP1_* service flags that contradict the socket type: a stream without guaranteed delivery and
 * order, or connectionless, or message oriented without XP1_PSEUDO_STREAM; a datagram socket that is not
 * connectionless or not message oriented; SOCK_SEQPACKET / SOCK_RDM without message boundaries, and so on.
 */
final class FlagsVsSocketTypeRule extends PerCatalogRule {

    private static final int SOCK_STREAM = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_RDM = 4;
    private static final int SOCK_SEQPACKET = 5;

    FlagsVsSocketTypeRule() {
        super("WPS016", Severity.WARNING, "XP1_* service flags that contradict the socket type (e.g. SOCK_STREAM "
                + "without GUARANTEED_DELIVERY/ORDER, SOCK_DGRAM without CONNECTIONLESS)", false);
    }

    @Override
    void check(Catalog catalog, DiagnosisContext context, List<Finding> findings) {
        for (CatalogEntry entry : catalog.entries()) {
            ProtocolInfo info = entry.info();
            if (info.serviceFlags1() == null || info.socketType() == null || info.entryType() == EntryType.LAYERED) {
                continue;
            }
            List<String> problems = contradictions(info);
            if (!problems.isEmpty()) {
                findings.add(finding(EntryLabels.name(entry) + " (" + EntryLabels.socketType(info.socketType())
                                + ") " + String.join("; ", problems),
                        List.of(EntryRef.of(catalog.bitness(), entry)),
                        "Applications and ws2_32 choose providers by these flags (WSAEnumProtocols, "
                                + "WSASocket with a protocol info) and rely on them to know whether data can be "
                                + "lost, reordered or split. Flags that contradict the socket type make such "
                                + "selections pick the wrong provider or make applications mis-handle data; "
                                + "for a chain, the LSP installer copied or edited the base provider's flags "
                                + "wrongly.",
                        "Reinstall the provider or LSP that owns the entry; for a chain, compare its flags with "
                                + "its base provider's."));
            }
        }
    }

    private static List<String> contradictions(ProtocolInfo info) {
        List<String> problems = new ArrayList<>();
        switch (info.socketType()) {
            case SOCK_STREAM -> {
                lacks(info, GUARANTEED_DELIVERY, problems);
                lacks(info, GUARANTEED_ORDER, problems);
                has(info, CONNECTIONLESS, problems);
                if (info.hasServiceFlag(MESSAGE_ORIENTED) && !info.hasServiceFlag(PSEUDO_STREAM)) {
                    problems.add("has XP1_MESSAGE_ORIENTED without XP1_PSEUDO_STREAM");
                }
            }
            case SOCK_DGRAM -> {
                lacks(info, CONNECTIONLESS, problems);
                lacks(info, MESSAGE_ORIENTED, problems);
                has(info, GUARANTEED_ORDER, problems);
            }
            case SOCK_SEQPACKET -> {
                lacks(info, MESSAGE_ORIENTED, problems);
                has(info, CONNECTIONLESS, problems);
            }
            case SOCK_RDM -> {
                lacks(info, MESSAGE_ORIENTED, problems);
                lacks(info, GUARANTEED_DELIVERY, problems);
            }
            default -> {
                // SOCK_RAW and provider-specific types have no fixed semantics to contradict
            }
        }
        return problems;
    }

    private static void lacks(ProtocolInfo info, ServiceFlag flag, List<String> problems) {
        if (!info.hasServiceFlag(flag)) {
            problems.add("lacks " + flag.constantName());
        }
    }

    private static void has(ProtocolInfo info, ServiceFlag flag, List<String> problems) {
        if (info.hasServiceFlag(flag)) {
            problems.add("has " + flag.constantName());
        }
    }
}
