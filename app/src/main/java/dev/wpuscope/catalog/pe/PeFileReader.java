package dev.wpuscope.catalog.pe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the facts of a PE file (machine, version resource, Authenticode signature with its offline checks)
 * in pure Java. Any problem, from a missing file to a hostile header, is one {@link PeFormatException}
 * naming the file and, for damage, the byte offset.
 */
public final class PeFileReader {
    /** Larger files are not provider DLLs; reading them whole would only cost memory. */
    static final long LARGEST_FILE = 256L << 20;

    private PeFileReader() {
    }

    public static PeFileFacts read(Path file) throws PeFormatException {
        try {
            long size = Files.size(file);
            if (size > LARGEST_FILE) {
                throw new PeFormatException(file + ": " + size + " bytes is larger than any provider DLL ("
                        + (LARGEST_FILE >> 20) + " MiB at most are read)");
            }
            return read(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new PeFormatException(file + ": cannot be read: " + e, e);
        }
    }

    /** Reads the facts from the file's bytes; {@code file} names it in errors. */
    public static PeFileFacts read(String file, byte[] content) throws PeFormatException {
        PeBytes bytes = new PeBytes(file, content);
        PeHeaders headers = PeHeaders.parse(bytes);
        Optional<VersionResource.Location> resource = VersionResource.find(bytes, headers);
        Optional<VersionInfo> version = resource.isPresent()
                ? Optional.of(VersionInfoParser.parse(bytes, resource.get())) : Optional.empty();
        return new PeFileFacts(file, headers.machine(), headers.machineCode(), headers.isDll(), version,
                AuthenticodeReader.read(bytes, headers));
    }
}
