package dev.wpuscope.catalog.source;

/**
 * The one error type catalog readers throw for bad input. Its message names the file and the line or
 * byte offset, and is meant to be shown to a user as it is (no stack trace).
 */
public class CatalogReadException extends Exception {

    public CatalogReadException(String message) {
        super(message);
    }

    public CatalogReadException(String message, Throwable cause) {
        super(message, cause);
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
