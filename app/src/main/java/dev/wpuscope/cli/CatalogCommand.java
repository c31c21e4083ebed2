package dev.wpuscope.cli;

import dev.wpuscope.catalog.known.KnownLsps;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.snapshot.SnapshotJson;
import dev.wpuscope.catalog.source.CatalogReadException;
import dev.wpuscope.catalog.model.Bitness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code wpuscope catalog <source>}: prints the catalogs as trees, or the snapshot JSON. */
@Command(name = "catalog",
        mixinStandardHelpOptions = true,
        description = "Print the Winsock catalogs (64-bit, then 32-bit) as trees of base providers, layered"
                + " providers and the chains that use them, with every field decoded.")
final class CatalogCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    CatalogSourceArgs source;

    @Option(names = "--json", description = "Print wpuscope's snapshot JSON instead (save it to compare or"
            + " reopen later).")
    boolean json;

    @Option(names = "--files", description = "Also read each provider DLL: file version, description, company,"
            + " signer and signature status (only for the live catalog on Windows: a catalog file's DLLs are on"
            + " the machine it came from).")
    boolean files;

    @Option(names = "--packed", paramLabel = "<file>", description = "Write one catalog (--bitness) as the"
            + " registry holds it instead: its entries in provider order, each the 888-byte PackedCatalogItem, one"
            + " after the other; the file wpuhost --catalog-from lays a customer's chain out from.")
    Path packed;

    @Option(names = "--bitness", paramLabel = "64|32", defaultValue = "64",
            description = "which catalog --packed writes (default: ${DEFAULT-VALUE})")
    int bitness;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws CatalogReadException, IOException {
        CatalogSnapshot snapshot = source.load();
        if (packed != null) {
            Bitness which = Bitness.ofBits(bitness).orElseThrow(
                    () -> new ParameterException(spec.commandLine(), "--bitness must be 64 or 32"));
            int entries = PackedCatalogFile.write(snapshot, which, packed);
            spec.commandLine().getOut().println("wrote " + entries + " entries of the " + which.label()
                    + " catalog to " + packed);
            spec.commandLine().getOut().flush();
        } else if (json) {
            spec.commandLine().getOut().println(new String(SnapshotJson.write(snapshot), StandardCharsets.UTF_8));
            spec.commandLine().getOut().flush();
        } else {
            new CatalogTreeWriter(spec.commandLine().getOut(), KnownLsps.standard()).write(snapshot);
            if (files) {
                new ProviderFilesWriter(spec.commandLine().getOut(), FileChecks.forSnapshot(snapshot)).write(snapshot);
            }
        }
        return 0;
    }
}
