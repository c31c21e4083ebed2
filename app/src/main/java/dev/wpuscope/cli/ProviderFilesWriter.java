package dev.wpuscope.cli;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.platform.ProviderFileCheck;
import dev.wpuscope.platform.ProviderFileDescription;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code wpuscope catalog --files}: each distinct provider DLL of each catalog with its version, signer and
 * signature status, when the files are on this machine (the live catalog); otherwise one line saying why not.
 */
final class ProviderFilesWriter {
    private static final String FIELD = "    %-18s %s%n";
    private static final String CONTINUATION = "%n    %-18s ";

    private final PrintWriter out;
    private final ProviderFileCheck files;

    ProviderFilesWriter(PrintWriter out, ProviderFileCheck files) {
        this.out = out;
        this.files = files;
    }

    void write(CatalogSnapshot snapshot) {
        out.println();
        Optional<String> unavailable = files.unavailableReason();
        if (unavailable.isPresent()) {
            out.println("Provider DLL files: not read: " + unavailable.get());
            out.flush();
            return;
        }
        for (Bitness bitness : Bitness.values()) {
            snapshot.catalog(bitness).ifPresent(catalog -> {
                Set<String> paths = new LinkedHashSet<>();
                for (CatalogEntry entry : catalog.entries()) {
                    if (entry.providerPath() != null && !entry.providerPath().isBlank()) {
                        paths.add(entry.providerPath());
                    }
                }
                out.println("Provider DLL files of the " + bitness.label() + " catalog (" + paths.size() + ")");
                paths.forEach(path -> writeFile(path, bitness));
            });
        }
        out.flush();
    }

    private void writeFile(String path, Bitness bitness) {
        out.println("  " + path);
        writeLines(out, ProviderFileDescription.of(files.details(path, bitness), bitness));
    }

    /** The lines indented under a file name, values of several lines aligned. */
    static void writeLines(PrintWriter out, List<ProviderFileDescription.Line> lines) {
        for (ProviderFileDescription.Line line : lines) {
            out.printf(FIELD, line.name(), line.value().replace("\n", String.format(CONTINUATION, "")));
        }
    }
}
