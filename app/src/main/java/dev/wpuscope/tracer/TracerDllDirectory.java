package dev.wpuscope.tracer;

import dev.wpuscope.catalog.model.Bitness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The tracer DLLs as the native build lays them out: {@code <dir>/x64/wputrace.dll} and
 * {@code <dir>/x86/wputrace.dll}. The catalog stores the absolute path of the file.
 */
public final class TracerDllDirectory implements TracerDlls {

    public static final String DLL_NAME = "wputrace.dll";

    private final Path directory;

    public TracerDllDirectory(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /** The DLLs of this wpuscope: the folder named by {@code wpuscope.tracerDlls}, else native-hook/build. */
    public static Path standardDirectory() {
        return Path.of(System.getProperty("wpuscope.tracerDlls",
                Path.of(System.getProperty("wpuscope.root", "."), "native-hook", "build").toString()));
    }

    /** The file that holds the DLL of this bitness. */
    public Path file(Bitness bitness) {
        return directory.resolve(bitness == Bitness.X64 ? "x64" : "x86").resolve(DLL_NAME);
    }

    @Override
    public Optional<String> catalogPath(Bitness bitness) {
        Path file = file(bitness);
        return Files.isRegularFile(file) ? Optional.of(file.toString()) : Optional.empty();
    }

    @Override
    public String missingReason(Bitness bitness) {
        return "the " + bitness.label() + " tracer DLL " + file(bitness) + " does not exist (build native-hook, or"
                + " name the folder that holds x64/ and x86/ with --dll-dir)";
    }
}
