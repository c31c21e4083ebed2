package dev.wpuscope.cli;

import dev.wpuscope.tracer.Selection;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Option;

/** Which entries the tracer covers: exactly one of these options. */
final class SelectionOptions {

    @Option(names = "--all", description = "every visible base provider and protocol chain")
    boolean all;

    @Option(names = "--family", paramLabel = "N", description = "every visible entry of address family N (2 IPv4, 23 IPv6)")
    Integer family;

    @Option(names = "--protocol", paramLabel = "N", description = "every visible entry of protocol N (6 TCP, 17 UDP)")
    Integer protocol;

    @Option(names = "--lsp", paramLabel = "GUID", description = "the protocol chains of one LSP (its layered or chain GUID)")
    UUID lsp;

    @Option(names = "--entry", paramLabel = "ID", split = ",", arity = "1..*",
            description = "chosen base providers or chains by catalog id (repeat or separate with commas)")
    List<Integer> entries;

    Selection selection() {
        if (family != null) {
            return new Selection.Family(family);
        }
        if (protocol != null) {
            return new Selection.Protocol(protocol);
        }
        if (lsp != null) {
            return new Selection.Lsp(lsp);
        }
        if (entries != null) {
            return new Selection.Entries(entries);
        }
        return new Selection.All();
    }
}
