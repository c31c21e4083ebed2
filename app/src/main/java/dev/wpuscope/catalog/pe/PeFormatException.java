package dev.wpuscope.catalog.pe;

/**
 * The one error type the PE reader throws: the file is not a PE image, is truncated or damaged, or cannot
 * be read. The message names the file and, for damage, the byte offset, and is meant for the user as it is.
 */
public class PeFormatException extends Exception {

    public PeFormatException(String message) {
        super(message);
    }

    public PeFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "file: byte offset N (0x..): problem" */
    public static PeFormatException atOffset(String file, long offset, String problem) {
        return new PeFormatException(file + ": byte offset " + offset + " (0x" + Long.toHexString(offset) + "): "
                + problem);
    }
}
