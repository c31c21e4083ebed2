package dev.wpuscope.cli;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.source.CatalogReadException;
import dev.wpuscope.catalog.source.CatalogSources;
import dev.wpuscope.trace.analysis.CaptureAnalysis;
import dev.wpuscope.trace.analysis.ServiceFlagsLookup;
import dev.wpuscope.trace.analysis.TraceAnalysis;
import dev.wpuscope.trace.io.TeeListener;
import dev.wpuscope.trace.io.TraceReadException;
import dev.wpuscope.trace.io.TraceReader;
import dev.wpuscope.trace.store.StreamedSocketLives;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wpuscope trace summary <capture>}: counts per upcall, provider and process, latency per function, sockets,
 * drops and findings.
 */
@Command(name = "summary",
        mixinStandardHelpOptions = true,
        description = "Counts per upcall, provider and process, latency per function, every socket's life, drops,"
                + " damage, and every problem the analyzers find: handles leaked, closed twice or unknown, events and"
                + " threads not closed, IFS misfits, calls into a provider its upcalls did not answer, ...")
final class TraceSummaryCommand implements Callable<Integer> {

    @Parameters(paramLabel = "<capture>", description = "a .wputrace capture file")
    Path capture;

    @Option(names = "--catalog", paramLabel = "<file>",
            description = "the catalog of the traced machine (.reg, netsh dump or snapshot): providers' IFS kind is"
                    + " then taken from their entries' XP1_IFS_HANDLES instead of inferred from their upcalls")
    Path catalog;

    @Option(names = "--catalog-bitness", paramLabel = "64|32", defaultValue = "64",
            description = "which of the catalog's two catalogs the traced processes used (default: ${DEFAULT-VALUE})")
    int catalogBitness;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws TraceReadException, CatalogReadException {
        CaptureAnalysis read = new CaptureAnalysis(new TraceAnalysis(serviceFlags()));
        StreamedSocketLives sockets = new StreamedSocketLives();
        TraceReader.read(capture, new TeeListener(read, sockets));
        // not the command line's own writer, which flushes at every line: a capture can have 100,000 sockets
        PrintWriter out = new PrintWriter(spec.commandLine().getOut());
        new TraceSummaryPrinter(out).print(capture.toString(), read.analysis(), sockets.sockets(),
                read.readProblems());
        out.flush();
        return 0;
    }

    private ServiceFlagsLookup serviceFlags() throws CatalogReadException {
        if (catalog == null) {
            return ServiceFlagsLookup.NONE;
        }
        Bitness bitness = Bitness.ofBits(catalogBitness).orElseThrow(
                () -> new ParameterException(spec.commandLine(), "--catalog-bitness must be 64 or 32"));
        CatalogSnapshot snapshot = CatalogSources.read(catalog);
        Catalog chosen = snapshot.catalog(bitness).orElseThrow(() -> new CatalogReadException(
                catalog + ": holds no " + bitness.label() + " catalog (see --catalog-bitness)"));
        return ServiceFlagsLookup.of(chosen);
    }
}
