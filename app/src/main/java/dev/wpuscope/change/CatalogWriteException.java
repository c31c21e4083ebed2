package dev.wpuscope.change;

/** A catalog operation failed (a Winsock error code, a refused request, an injected failure). */
public final class CatalogWriteException extends Exception {

    public CatalogWriteException(String message) {
        super(message);
    }
}
