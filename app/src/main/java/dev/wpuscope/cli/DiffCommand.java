package dev.wpuscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wpuscope.catalog.diff.CatalogDiffer;
import dev.wpuscope.catalog.diff.SnapshotDiff;
import dev.wpuscope.catalog.source.CatalogReadException;
import dev.wpuscope.catalog.source.CatalogSources;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wpuscope diff <a> <b>}: what changed from catalog a (say a customer's) to catalog b (a clean one). */
@Command(name = "diff",
        mixinStandardHelpOptions = true,
        header = "Compare two Winsock catalogs (say a customer's and a clean one).",
        description = {"Compare two Winsock catalogs: entries added, removed and changed (field by field, chains",
                "included), entries that moved in provider order, namespace providers. Entries are matched by",
                "provider GUID, address family, socket type, protocol and chain shape, not by catalog id (ids",
                "differ between installs). Fields a source does not have are never reported as changed."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:the catalogs are the same",
                "1:the catalogs differ",
                "2:bad input (unreadable or malformed source; one message with file and line or offset)"})
public final class DiffCommand implements Callable<Integer> {

    static final int EXIT_SAME = 0;
    static final int EXIT_DIFFERENT = 1;

    @Parameters(index = "0", paramLabel = "<a>", description = "first catalog file (e.g. the customer's)")
    Path before;

    @Parameters(index = "1", paramLabel = "<b>", description = "second catalog file (e.g. a clean machine's)")
    Path after;

    @Option(names = "--json", description = "print the differences as JSON")
    boolean json;

    @Spec
    CommandSpec spec;

    private final SnapshotLoader loader;

    public DiffCommand() {
        this(CatalogSources::read);
    }

    DiffCommand(SnapshotLoader loader) {
        this.loader = loader;
    }

    @Override
    public Integer call() throws CatalogReadException, IOException {
        SnapshotDiff diff = new CatalogDiffer().diff(loader.load(before), loader.load(after));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(DiffJson.of(diff)));
        } else {
            new DiffPrinter(out).print(diff);
        }
        out.flush();
        return diff.isEmpty() ? EXIT_SAME : EXIT_DIFFERENT;
    }
}
