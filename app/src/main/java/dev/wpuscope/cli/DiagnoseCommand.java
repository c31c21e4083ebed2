package dev.wpuscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wpuscope.catalog.diagnose.CatalogDiagnostics;
import dev.wpuscope.catalog.diagnose.Diagnosis;
import dev.wpuscope.catalog.diagnose.Finding;
import dev.wpuscope.catalog.diagnose.RecognisedLsp;
import dev.wpuscope.catalog.diagnose.Severity;
import dev.wpuscope.catalog.known.KnownLsps;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.source.CatalogReadException;
import dev.wpuscope.catalog.source.CatalogSources;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code wpuscope diagnose <source>}: findings grouped by severity; the exit code tells the worst one. */
@Command(name = "diagnose",
        mixinStandardHelpOptions = true,
        header = "Diagnose a Winsock catalog and explain what is broken and how to fix it.",
        description = {"Diagnose a Winsock catalog: broken chains, orphaned LSP entries, non-IFS LSPs, missing DLLs,",
                "partial or one-sided LSP installs, duplicate ids, contradicting flags, namespace providers,",
                "LSP categories. The source is a file whose format is detected from its content",
                "(reg export, netsh winsock show catalog output, wpuscope snapshot), or --live on Windows",
                "(then provider DLLs are checked too).",
                "Rules: WPS000-WPS021, listed in README.md. LSPs are recognised as known products from",
                "resources/known-lsps/known-lsps.json (by GUID, DLL name or protocol name)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:no findings above INFO",
                "3:worst finding is a WARNING",
                "4:worst finding is an ERROR",
                "2:bad input (unreadable or malformed source; one message with file and line or offset)"})
public final class DiagnoseCommand implements Callable<Integer> {

    static final int EXIT_CLEAN = 0;
    static final int EXIT_WARNINGS = 3;
    static final int EXIT_ERRORS = 4;

    @ArgGroup(exclusive = true, multiplicity = "1")
    CatalogSourceArgs source;

    @Option(names = "--json", description = "print the findings as JSON")
    boolean json;

    @Spec
    CommandSpec spec;

    private final SnapshotLoader loader;

    public DiagnoseCommand() {
        this(CatalogSources::read);
    }

    DiagnoseCommand(SnapshotLoader loader) {
        this.loader = loader;
    }

    @Override
    public Integer call() throws CatalogReadException, IOException {
        CatalogSnapshot snapshot = source.live ? source.load() : loader.load(source.file);
        Diagnosis diagnosis = CatalogDiagnostics.standard().diagnose(snapshot, FileChecks.forSnapshot(snapshot));
        int exit = exitCode(diagnosis);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(jsonReport(snapshot, diagnosis, exit)));
        } else {
            new DiagnosisPrinter(out).print(snapshot, diagnosis, exit);
        }
        out.flush();
        return exit;
    }

    static int exitCode(Diagnosis diagnosis) {
        Severity worst = diagnosis.worstSeverity().orElse(Severity.INFO);
        return switch (worst) {
            case ERROR -> EXIT_ERRORS;
            case WARNING -> EXIT_WARNINGS;
            case INFO -> EXIT_CLEAN;
        };
    }

    private static Map<String, Object> lspJson(RecognisedLsp lsp) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("catalog", lsp.bitness().label());
        json.put("name", lsp.name());
        json.put("product", lsp.match().map(m -> m.product().id()).orElse(null));
        json.put("productName", lsp.match().map(m -> m.product().displayName()).orElse(null));
        json.put("matchedBy", lsp.match().map(m -> m.basis().label()).orElse(null));
        json.put("matched", lsp.match().map(m -> m.matched()).orElse(null));
        return json;
    }

    private static Map<String, Object> jsonReport(CatalogSnapshot snapshot, Diagnosis diagnosis, int exit) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("source", snapshot.location());
        report.put("sourceKind", snapshot.kind());
        report.put("worstSeverity", diagnosis.worstSeverity().orElse(null));
        report.put("exitCode", exit);
        List<Finding> findings = diagnosis.findings();
        report.put("findings", findings);
        report.put("lsps", RecognisedLsp.of(snapshot, KnownLsps.standard()).stream().map(DiagnoseCommand::lspJson)
                .toList());
        report.put("sourceLimitations", snapshot.limitations());
        report.put("sourceWarnings", snapshot.warnings());
        return report;
    }
}
