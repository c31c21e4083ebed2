package dev.wpuscope.tracer;

import dev.wpuscope.change.CatalogWriteException;
import dev.wpuscope.change.InMemoryCatalog;
import dev.wpuscope.catalog.binary.PackedCatalogItem;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.source.CatalogReadException;
import dev.wpuscope.catalog.source.NetshCatalogFormat;
import dev.wpuscope.catalog.source.reg.RegExportFormat;
import dev.wpuscope.platform.Elevation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Shared pieces of the tracer tests: DLLs that exist (or not), elevation, catalogs as bytes. */
final class TracerFixtures {

    static final String DLL64 = "C:\\Program Files\\wpuscope\\x64\\wputrace.dll";
    static final String DLL32 = "C:\\Program Files\\wpuscope\\x86\\wputrace.dll";
    static final Elevation ELEVATED = () -> true;

    private TracerFixtures() {
    }

    /** Tracer DLLs available for these bitnesses only. */
    static TracerDlls dlls(Set<Bitness> available) {
        return new TracerDlls() {
            @Override
            public Optional<String> catalogPath(Bitness bitness) {
                return available.contains(bitness) ? Optional.of(bitness == Bitness.X64 ? DLL64 : DLL32)
                        : Optional.empty();
            }

            @Override
            public String missingReason(Bitness bitness) {
                return "no " + bitness.label() + " tracer DLL";
            }
        };
    }

    static TracerDlls bothDlls() {
        return dlls(Set.of(Bitness.X64, Bitness.X86));
    }

    static CatalogSnapshot read(Path file) throws CatalogReadException {
        return file.getParent().getFileName().toString().equals("netsh") ? new NetshCatalogFormat().read(file)
                : new RegExportFormat().read(file);
    }

    /** Each entry's 888-byte PackedCatalogItem in provider order, as hex (readable when an assertion fails). */
    static List<String> bytes(Catalog catalog) {
        List<String> items = new ArrayList<>();
        for (CatalogEntry entry : catalog.entries()) {
            items.add(HexFormat.of().formatHex(PackedCatalogItem.encode(entry)));
        }
        return items;
    }

    static List<String> bytes(InMemoryCatalog memory, Bitness bitness) throws CatalogWriteException {
        return bytes(memory.enumerate(bitness));
    }
}
