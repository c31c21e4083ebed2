package dev.wpuscope.catalog.binary;

import dev.wpuscope.catalog.source.CatalogReadException;

/** The size check every binary structure makes before decoding. */
final class BlobSize {

    private BlobSize() {
    }

    static void require(byte[] bytes, int expected, String what, String context) throws CatalogReadException {
        if (bytes.length < expected) {
            throw CatalogReadException.atOffset(context, bytes.length, what + " ends after " + bytes.length
                    + " bytes; it must be " + expected + " bytes");
        }
        if (bytes.length > expected) {
            throw CatalogReadException.atOffset(context, expected, what + " has " + bytes.length
                    + " bytes; it must be " + expected + " (extra bytes start here)");
        }
    }
}
