package dev.wpuscope.cli;

import dev.wpuscope.catalog.diagnose.CatalogDiagnostics;
import dev.wpuscope.catalog.diagnose.Diagnosis;
import dev.wpuscope.catalog.diagnose.DiagnosisSummary;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.report.CatalogReport;
import dev.wpuscope.catalog.report.HtmlReport;
import dev.wpuscope.catalog.report.RepairPlanSummary;
import dev.wpuscope.catalog.source.CatalogReadException;
import dev.wpuscope.repair.RepairPlanFile;
import dev.wpuscope.repair.RepairReportSection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wpuscope report <source> -o report.html}: one self-contained HTML page about a catalog. */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        header = "Write a self-contained HTML report about a Winsock catalog.",
        description = {"Write one HTML file (no external files, no script) with the source, a summary line, the",
                "products behind the LSPs with what they are known to break and the fix, the findings with",
                "their remedies, the catalogs as chains and what the source cannot tell. The source is",
                "anything catalog reads: a .reg export, netsh winsock show catalog output, a wpuscope",
                "snapshot, or --live on Windows. --plan adds a repair plan made by 'repair plan -o'."})
final class ReportCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    CatalogSourceArgs source;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "<report.html>",
            description = "the HTML file to write (replaced if it exists)")
    Path output;

    @Option(names = "--plan", paramLabel = "<plan.json>",
            description = "a repair plan file (from 'wpuscope repair plan -o') to include")
    Path plan;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws CatalogReadException, IOException {
        CatalogSnapshot snapshot = source.load();
        Diagnosis diagnosis = CatalogDiagnostics.standard().diagnose(snapshot, FileChecks.forSnapshot(snapshot));
        Optional<RepairPlanSummary> repair = plan == null ? Optional.empty()
                : Optional.of(RepairReportSection.of(RepairPlanFile.read(Files.readAllBytes(plan), plan.toString())));
        Files.writeString(output, HtmlReport.render(CatalogReport.of(snapshot, diagnosis, repair)),
                StandardCharsets.UTF_8);
        spec.commandLine().getOut().println("wrote " + output + ": " + DiagnosisSummary.headline(diagnosis));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
