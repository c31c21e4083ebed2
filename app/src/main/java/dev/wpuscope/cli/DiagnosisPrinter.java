package dev.wpuscope.cli;

import dev.wpuscope.catalog.diagnose.Diagnosis;
import dev.wpuscope.catalog.diagnose.EntryRef;
import dev.wpuscope.catalog.diagnose.Finding;
import dev.wpuscope.catalog.diagnose.RecognisedLsp;
import dev.wpuscope.catalog.diagnose.Severity;
import dev.wpuscope.catalog.diagnose.WholeCatalog;
import dev.wpuscope.catalog.known.KnownLsps;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.model.EntryType;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** The readable report of {@code wpuscope diagnose}. */
final class DiagnosisPrinter {

    private static final List<Severity> WORST_FIRST = List.of(Severity.ERROR, Severity.WARNING, Severity.INFO);

    private final PrintWriter out;

    DiagnosisPrinter(PrintWriter out) {
        this.out = out;
    }

    void print(CatalogSnapshot snapshot, Diagnosis diagnosis, int exitCode) {
        out.println("Diagnosis of " + snapshot.location() + " (" + snapshot.kind().label() + ")");
        out.println("  " + contents(snapshot));
        List<RecognisedLsp> lsps = RecognisedLsp.of(snapshot, KnownLsps.standard());
        if (!lsps.isEmpty()) {
            out.println();
            out.println("Layered providers (LSPs) and the products behind them:");
            lsps.forEach(lsp -> TextBlock.print(out, "  ", "- ", lsp.bitness().label() + " " + lsp.describe()));
        }
        for (Severity severity : WORST_FIRST) {
            List<Finding> findings = diagnosis.withSeverity(severity);
            if (!findings.isEmpty()) {
                out.println();
                out.println(severity.label().toUpperCase() + " (" + findings.size() + ")");
                findings.forEach(this::print);
            }
        }
        printNotes("What this source cannot tell", snapshot.limitations());
        printNotes("Reader warnings", snapshot.warnings());
        out.println();
        out.println("Summary: " + count(diagnosis, Severity.ERROR, "error") + ", "
                + count(diagnosis, Severity.WARNING, "warning") + ", " + count(diagnosis, Severity.INFO, "note")
                + " (exit code " + exitCode + ")");
    }

    private void print(Finding f) {
        out.println();
        TextBlock.print(out, "  ", "[" + f.ruleId() + "] ", f.title());
        List<EntryRef> entries = f.entries();
        if (!entries.isEmpty()) {
            String label = entries.size() == 1 ? "Entry:   " : "Entries: ";
            for (int i = 0; i < entries.size(); i++) {
                out.println("         " + (i == 0 ? label : " ".repeat(label.length())) + entries.get(i));
            }
        }
        TextBlock.print(out, "         ", "Why:     ", f.explanation());
        TextBlock.print(out, "         ", "Remedy:  ", f.remedy());
    }

    private void printNotes(String heading, List<String> notes) {
        if (!notes.isEmpty()) {
            out.println();
            out.println(heading + ":");
            notes.forEach(n -> TextBlock.print(out, "  ", "- ", n));
        }
    }

    private static String contents(CatalogSnapshot snapshot) {
        if (snapshot.catalogs().isEmpty()) {
            return "no protocol catalog in this source";
        }
        String catalogs = snapshot.catalogs().values().stream()
                .map(c -> c.bitness().label() + " catalog: " + c.entries().size() + " entries"
                        + (WholeCatalog.isWhole(c) ? "" : " (excerpt)"))
                .collect(Collectors.joining(", "));
        long lsps = snapshot.catalogs().values().stream().map(Catalog::entries)
                .flatMap(List::stream).filter(e -> e.info().entryType() == EntryType.LAYERED)
                .count();
        return catalogs + "; " + lsps + " layered (LSP) entr" + (lsps == 1 ? "y" : "ies") + ", "
                + snapshot.namespaceProviders().size() + " namespace providers, "
                + snapshot.appIdRules().size() + " AppId rules";
    }

    private static String count(Diagnosis diagnosis, Severity severity, String noun) {
        int n = diagnosis.withSeverity(severity).size();
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
