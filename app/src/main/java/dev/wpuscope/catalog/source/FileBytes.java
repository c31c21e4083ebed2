package dev.wpuscope.catalog.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a source file whole, turning I/O failures into the readers' own error. */
public final class FileBytes {

    private FileBytes() {
    }

    /** Catalog sources are kilobytes to a few megabytes; anything this large is not one. */
    static final long MAX_SIZE = 256L << 20;

    public static byte[] read(Path file) throws CatalogReadException {
        try {
            if (Files.size(file) > MAX_SIZE) {
                throw new CatalogReadException(file + ": " + Files.size(file) + " bytes is too large for a catalog"
                        + " source (at most " + MAX_SIZE + ")");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CatalogReadException(file + ": cannot read: " + describe(e), e);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "access denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
