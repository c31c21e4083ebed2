package dev.wpuscope.ui;

import dev.wpuscope.catalog.diagnose.CatalogDiagnostics;
import dev.wpuscope.catalog.diagnose.Diagnosis;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.report.CatalogReport;
import dev.wpuscope.catalog.report.HtmlReport;
import dev.wpuscope.catalog.source.CatalogReadException;
import dev.wpuscope.catalog.source.CatalogSources;
import dev.wpuscope.catalog.snapshot.SnapshotJson;
import dev.wpuscope.platform.ProviderFileCheck;
import dev.wpuscope.ui.UserMessages.UserFacingException;
import dev.wpuscope.trace.export.CaptureSaver;
import dev.wpuscope.trace.export.EventExport;
import dev.wpuscope.trace.io.CaptureFollower;
import dev.wpuscope.trace.io.TraceReadException;
import dev.wpuscope.trace.live.PipeClientLimits;
import dev.wpuscope.trace.live.TracerPipeServer;
import dev.wpuscope.trace.store.IntList;
import dev.wpuscope.ui.traffic.CaptureSession;
import dev.wpuscope.ui.traffic.TracerPipeFeed;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.function.Consumer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The GUI's door to the engines: reads catalogs and captures, follows growing captures, writes
 * snapshots and exports. Only this class knows which catalog/trace classes do the work.
 */
final class Sources implements AutoCloseable {
    private static final CatalogDiagnostics DIAGNOSTICS = CatalogDiagnostics.standard();
    /**
     * A catalog file describes the machine it was exported on: its %SystemRoot% paths resolved here would show
     * this machine's DLLs, not that machine's, so files are read for the live catalog only.
     */
    private static final ProviderFileCheck OFFLINE_FILES = ProviderFileCheck.unavailable(
            "offline catalog: the DLL is on the customer's machine (the one the catalog was read from), not this one");
    private static final byte[] CAPTURE_MAGIC = "WPUTRACE".getBytes(StandardCharsets.US_ASCII);

    enum Export { CAPTURE, CSV, JSON }

    private static final Duration FOLLOW_INTERVAL = Duration.ofMillis(50);
    private final ThisMachine machine;
    private CaptureFollower follower;
    private TracerPipeServer pipeServer;

    Sources(ThisMachine machine) {
        this.machine = machine;
    }

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
        return machine.liveCatalog().isPresent();
    }

    boolean hasTracerPipe() {
        return machine.pipe().isPresent();
    }

    /** Reads a catalog file in whichever format its content has, and diagnoses it. */
    OpenedCatalog readCatalog(Path file) throws CatalogReadException {
        CatalogSnapshot snapshot = CatalogSources.read(file);
        return new OpenedCatalog(snapshot, DIAGNOSTICS.diagnose(snapshot, OFFLINE_FILES), OFFLINE_FILES);
    }

    /** A catalog that was read, what the diagnostics found in it, and how its DLL files can be read. */
    record OpenedCatalog(CatalogSnapshot snapshot, Diagnosis diagnosis, ProviderFileCheck files) {
    }

    OpenedCatalog readLiveCatalog() throws Exception {
        if (machine.liveCatalog().isEmpty()) {
            throw new UserFacingException("The live catalog can only be read on Windows.");
        }
        CatalogSnapshot snapshot = machine.liveCatalog().get().read();
        ProviderFileCheck files = machine.liveFiles().get();
        return new OpenedCatalog(snapshot, DIAGNOSTICS.diagnose(snapshot, files), files);
    }

    CaptureLoading openCapture(Path file) {
        return new CaptureLoading(file);
    }

    /**
     * Follows a capture a tracer is writing (waiting for it to appear); the session grows as records arrive.
     * Following stops at {@link #close()} or at the next follow.
     */
    CaptureSession followCapture(Path file, Consumer<Exception> onError) throws IOException {
        close();
        CaptureSession session = new CaptureSession(file.toString());
        follower = new CaptureFollower(file, session, new CaptureFollower.BatchListener() {
            @Override
            public void onBatch(CaptureFollower.Batch batch) {
            }

            @Override
            public void onError(TraceReadException error) {
                onError.accept(error);
            }
        });
        follower.start(FOLLOW_INTERVAL);
        return session;
    }

    /**
     * Listens on the tracer pipe: every tracer that connects streams its records into one session. Listening
     * stops at {@link #close()}, at the next follow or listen.
     */
    CaptureSession listenOnTracerPipe(Consumer<Exception> onError) throws Exception {
        if (machine.pipe().isEmpty()) {
            throw new UserFacingException("The tracer pipe exists only on Windows.");
        }
        close();
        CaptureSession session = new CaptureSession("tracer pipe");
        pipeServer = new TracerPipeServer(machine.pipe().get().open(), PipeClientLimits.defaults(),
                new TracerPipeFeed(session, onError::accept));
        pipeServer.start();
        return session;
    }

    boolean isListening() {
        return pipeServer != null;
    }

    void writeSnapshot(CatalogSnapshot snapshot, Path file) throws IOException {
        Files.write(file, SnapshotJson.write(snapshot));
    }

    /** Writes the HTML report of a catalog and its diagnosis (the one wpuscope report writes). */
    void writeReport(CatalogSnapshot snapshot, Diagnosis diagnosis, Path file) throws IOException {
        Files.writeString(file, HtmlReport.render(CatalogReport.of(snapshot, diagnosis, Optional.empty())),
                StandardCharsets.UTF_8);
    }

    /** Writes the given rows of a session (the ones the table shows) as a capture, CSV or JSON lines. */
    void export(CaptureSession session, int[] rows, Export format, Path file) throws IOException {
        IntList list = IntList.of(rows);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            switch (format) {
                case CAPTURE -> CaptureSaver.save(session.store(), list, out);
                case CSV -> {
                    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    EventExport.csv(session.store(), list, writer);
                    writer.flush();
                }
                case JSON -> EventExport.jsonLines(session.store(), list, out);
            }
        }
    }


    /** Stops following a capture or listening on the pipe, if either is running. */
    @Override
    public void close() {
        if (pipeServer != null) {
            try {
                pipeServer.close();
            } catch (IOException ignored) {
                // the tracers see the pipe close and stop sending; what arrived stays in the session
            }
            pipeServer = null;
        }
        if (follower != null) {
            try {
                follower.close();
            } catch (IOException ignored) {
                // the follower only reads; nothing was lost
            }
            follower = null;
        }
    }
}
