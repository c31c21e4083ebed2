package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.io.TraceReadException;
import java.nio.file.Path;

/** Captures of the repository (golden vectors, recorded captures). */
final class Captures {

    static final Path ROOT = Path.of(System.getProperty("wpuscope.root", "."));
    static final Path GOLDEN_BASIC = ROOT.resolve("resources/trace-format/golden/basic.wputrace");

    private Captures() {
    }

    static TraceAnalysis analyze(Path capture) throws TraceReadException {
        return CaptureAnalysis.of(capture).analysis();
    }
}
