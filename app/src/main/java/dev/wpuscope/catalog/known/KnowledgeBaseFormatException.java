package dev.wpuscope.catalog.known;

/** The knowledge base file breaks its format; the message names the file, the entry and the field. */
public final class KnowledgeBaseFormatException extends RuntimeException {

    KnowledgeBaseFormatException(String message) {
        super(message);
    }

    KnowledgeBaseFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
