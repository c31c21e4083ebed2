package dev.wpuscope.catalog.pe;

/**
 * One optional-header data directory entry. For the certificate table {@code address} is a file offset,
 * for every other directory an RVA.
 *
 * @param entryOffset where the entry itself is in the file (the image digest skips the certificate entry)
 */
record DataDirectory(long address, long size, long entryOffset) {

    boolean isPresent() {
        return address != 0 && size != 0;
    }
}
