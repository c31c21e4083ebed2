package dev.wpuscope.catalog.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads source files, turning I/O failures into the readers' own error. */
public final class FileBytes {

    /** Catalog sources are kilobytes to a few megabytes; anything this large is not one. */
    static final long MAX_SIZE = 256L << 20;

    private FileBytes() {
    }

    /** The whole file. */
    public static byte[] read(Path file) throws CatalogReadException {
        checkSize(file);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
    }

    /** Refuses a file larger than any catalog source, naming it and the limit. */
    public static void checkSize(Path file) throws CatalogReadException {
        try {
            long size = Files.size(file);
            if (size > MAX_SIZE) {
                throw new CatalogReadException(file + ": " + size + " bytes is too large for a catalog source (at most "
                        + MAX_SIZE + ")");
            }
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
    }

    /** The first {@code count} bytes of the file (fewer when it is shorter). */
    public static byte[] head(Path file, int count) throws CatalogReadException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(count);
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
    }

    /** The readers' error for a file that could not be read, with the reason in words. */
    public static CatalogReadException cannotRead(Path file, IOException e) {
        String reason;
        if (e instanceof NoSuchFileException) {
            reason = "no such file";
        } else if (e instanceof AccessDeniedException) {
            reason = "access denied";
        } else if (Files.isDirectory(file)) {
            reason = "it is a directory";
        } else {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new CatalogReadException(file + ": cannot read: " + reason, e);
    }
}
