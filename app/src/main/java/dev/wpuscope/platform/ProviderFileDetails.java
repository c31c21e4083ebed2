package dev.wpuscope.platform;

import dev.wpuscope.catalog.pe.PeFileFacts;
import dev.wpuscope.catalog.pe.PeFileReader;
import dev.wpuscope.catalog.pe.PeFormatException;
import dev.wpuscope.platform.ProviderFileCheck.FileStatus;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Version, signer and signature of a provider DLL on this machine: the facts the pure PE reader finds in
 * the file (with its offline checks), and the system's trust verdict.
 *
 * @param resolvedPath the path the stored path resolved to
 * @param facts        what the file says, when it exists and is a readable PE file
 * @param problem      why there are no facts (no file, or the reader's error naming the byte offset)
 * @param trust        the system's verdict on the signature's chain, or why there is none
 */
public record ProviderFileDetails(String resolvedPath, Optional<PeFileFacts> facts, Optional<String> problem,
                                  String trust) {

    /** Reads the file a check found (or says that there is none) and asks {@code trust} about it. */
    public static ProviderFileDetails read(FileStatus status, TrustCheck trust) {
        String path = status.resolvedPath();
        if (!status.exists()) {
            return new ProviderFileDetails(path, Optional.empty(), Optional.of("no file at " + path),
                    "not checked: no file");
        }
        Path file;
        try {
            file = Path.of(path);
        } catch (InvalidPathException e) {
            return new ProviderFileDetails(path, Optional.empty(), Optional.of("not a valid path: " + e.getMessage()),
                    "not checked: no file");
        }
        try {
            return new ProviderFileDetails(path, Optional.of(PeFileReader.read(file)), Optional.empty(),
                    trust.verdict(path));
        } catch (PeFormatException e) {
            return new ProviderFileDetails(path, Optional.empty(), Optional.of(e.getMessage()), trust.verdict(path));
        }
    }
}
