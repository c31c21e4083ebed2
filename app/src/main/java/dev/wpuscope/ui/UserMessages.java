package dev.wpuscope.ui;

import dev.wpuscope.catalog.source.CatalogReadException;
import dev.wpuscope.text.Printable;
import dev.wpuscope.change.CatalogWriteException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Turns exceptions into sentences for a dialog: the readers' own messages as they are, never a stack trace. */
public final class UserMessages {

    private UserMessages() {
    }

    /** The sentence for a dialog, with characters from the input that are not printable escaped. */
    public static String describe(Throwable problem) {
        return Printable.escape(sentence(problem));
    }

    private static String sentence(Throwable problem) {
        if (problem instanceof UncheckedIOException unchecked) {
            return sentence(unchecked.getCause());
        }
        if (problem instanceof NoSuchFileException missing) {
            return missing.getFile() + ": no such file";
        }
        if (problem instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied";
        }
        if (problem instanceof CatalogReadException || problem instanceof IOException
                || problem instanceof UserFacingException || problem instanceof CatalogWriteException) {
            return problem.getMessage();
        }
        String detail = problem.getMessage() == null ? "" : ": " + problem.getMessage();
        return "Unexpected internal error (" + problem.getClass().getSimpleName() + detail
                + "). Please report it; run with WPUSCOPE_DEBUG=1 to print details.";
    }

    /** A problem whose message is written for the user (what is wrong and what to do). */
    public static final class UserFacingException extends Exception {
        public UserFacingException(String message) {
            super(message);
        }
    }
}
