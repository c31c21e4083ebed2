package dev.wpuscope.ui;

import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.ui.UserMessages.UserFacingException;
import dev.wpuscope.ui.traffic.TrafficEvents;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The GUI's door to the engines: reads catalogs and captures, follows growing captures, writes
 * snapshots and exports. Only this class knows which catalog/trace classes do the work.
 */
final class Sources implements AutoCloseable {
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

    CatalogSnapshot readCatalog(Path file) throws Exception {
        throw new UserFacingException(file + ": reading catalog files needs the catalog readers, "
                + "which this build does not include yet.");
    }

    CatalogSnapshot readLiveCatalog() throws Exception {
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
