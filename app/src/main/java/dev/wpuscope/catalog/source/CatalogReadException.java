package dev.wpuscope.catalog.source;

import dev.wpuscope.text.Printable;

/**
 * The one error type catalog readers throw for bad input. Its message names the file and the line or
 * byte offset, and is meant to be shown to a user as it is (no stack trace).
 */
public class CatalogReadException extends Exception {

    /** Characters of the input quoted in {@code message} that are not printable are escaped. */
    public CatalogReadException(String message) {
        super(Printable.escape(message));
    }

    public CatalogReadException(String message, Throwable cause) {
        super(Printable.escape(message), cause);
    }

    /** "file:line: message" */
    public static CatalogReadException atLine(String file, int line, String message) {
        return new CatalogReadException(file + ":" + line + ": " + message);
    }

    /** "file: byte offset N (0x..): message" */
    public static CatalogReadException atOffset(String file, long offset, String message) {
        return new CatalogReadException(
                file + ": byte offset " + offset + " (0x" + Long.toHexString(offset) + "): " + message);
    }
}
