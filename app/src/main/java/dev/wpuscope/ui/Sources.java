package dev.wpuscope.ui;

import dev.wpuscope.catalog.diagnose.CatalogDiagnostics;
import dev.wpuscope.catalog.diagnose.Diagnosis;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.source.CatalogFormat;
import dev.wpuscope.catalog.source.CatalogReadException;
import dev.wpuscope.catalog.source.NetshCatalogFormat;
import dev.wpuscope.catalog.source.reg.RegExportFormat;
import dev.wpuscope.platform.ProviderFileCheck;
import dev.wpuscope.ui.UserMessages.UserFacingException;
import dev.wpuscope.ui.traffic.TrafficEvents;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The GUI's door to the engines: reads catalogs and captures, follows growing captures, writes
 * snapshots and exports. Only this class knows which catalog/trace classes do the work.
 */
final class Sources implements AutoCloseable {
    private static final int HEAD_SIZE = 4096;
    private static final List<CatalogFormat> CATALOG_FORMATS = List.of(new RegExportFormat(), new NetshCatalogFormat());
    private static final CatalogDiagnostics DIAGNOSTICS = CatalogDiagnostics.standard();
    private static final ProviderFileCheck OFFLINE_FILES = ProviderFileCheck.unavailable(
            "the catalog was read from a file, so its provider DLLs cannot be checked on this machine");
    private static final byte[] CAPTURE_MAGIC = "WPUTRACE".getBytes(StandardCharsets.US_ASCII);

    enum Export { CAPTURE, CSV, JSON }

    /** Work that may fail with a message for the user. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws Exception;
    }

    /** Whether the file is a capture (starts with the trace format's magic) rather than a catalog. */
    static boolean isCapture(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(CAPTURE_MAGIC.length), CAPTURE_MAGIC);
        }
    }

    boolean hasLiveCatalog() {
        return false;
    }

    /** Reads a catalog file in whichever format its content has, and diagnoses it. */
    OpenedCatalog readCatalog(Path file) throws Exception {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD_SIZE);
        }
        for (CatalogFormat format : CATALOG_FORMATS) {
            if (format.recognizes(head)) {
                CatalogSnapshot snapshot = format.read(file);
                return new OpenedCatalog(snapshot, DIAGNOSTICS.diagnose(snapshot, OFFLINE_FILES));
            }
        }
        throw new CatalogReadException(file + ": not a file wpuscope reads: expected a registry export (.reg) of "
                + "the WinSock2 key, the output of 'netsh winsock show catalog', or a .wputrace capture");
    }

    /** A catalog that was read, and what the diagnostics found in it. */
    record OpenedCatalog(CatalogSnapshot snapshot, Diagnosis diagnosis) {
    }

    OpenedCatalog readLiveCatalog() throws Exception {
        throw new UserFacingException("The live catalog can only be read on Windows.");
    }

    CaptureLoading openCapture(Path file) {
        return new CaptureLoading(file);
    }

    TrafficEvents followCapture(Path file) throws Exception {
        throw new UserFacingException(file + ": following captures needs the trace store, "
                + "which this build does not include yet.");
    }

    void writeSnapshot(CatalogSnapshot snapshot, Path file) throws Exception {
        throw new UserFacingException("Saving snapshots needs the snapshot writer, which this build does not "
                + "include yet.");
    }

    void export(TrafficEvents events, Export format, Path file) throws Exception {
        throw new UserFacingException("Saving and exporting events needs the trace store, which this build does "
                + "not include yet.");
    }

    DemoTraffic demoTraffic(Path repositoryRoot) {
        return new DemoTraffic(repositoryRoot);
    }

    @Override
    public void close() {
    }
}
