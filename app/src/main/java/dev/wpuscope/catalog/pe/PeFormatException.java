package dev.wpuscope.catalog.pe;

import dev.wpuscope.text.Printable;

/**
 * The one error type the PE reader throws: the file is not a PE image, is truncated or damaged, or cannot
 * be read. The message names the file and, for damage, the byte offset, and is meant for the user as it is.
 */
public class PeFormatException extends Exception {

    /** Characters of the input quoted in {@code message} that are not printable are escaped. */
    public PeFormatException(String message) {
        super(Printable.escape(message));
    }

    public PeFormatException(String message, Throwable cause) {
        super(Printable.escape(message), cause);
    }

    /** "file: byte offset N (0x..): problem" */
    public static PeFormatException atOffset(String file, long offset, String problem) {
        return new PeFormatException(file + ": byte offset " + offset + " (0x" + Long.toHexString(offset) + "): "
                + problem);
    }
}
