package dev.wpuscope.catalog.pe;

import java.util.Optional;

/**
 * Finds the RT_VERSION resource in the resource directory tree (type, then name, then language; the first
 * name and language are taken, as VerQueryValue's default lookup does for a single-language file).
 */
final class VersionResource {
    private static final int RT_VERSION = 16;
    private static final int DIRECTORY_HEADER_SIZE = 16;
    private static final int ENTRY_SIZE = 8;
    private static final long SUBDIRECTORY = 0x8000_0000L;

    /** Where the resource's data is in the file. */
    record Location(long offset, int size) {
    }

    private VersionResource() {
    }

    static Optional<Location> find(PeBytes bytes, PeHeaders headers) throws PeFormatException {
        DataDirectory directory = headers.directory(PeHeaders.RESOURCE_DIRECTORY);
        if (!directory.isPresent()) {
            return Optional.empty();
        }
        long root = headers.fileOffset(directory.address(), DIRECTORY_HEADER_SIZE, directory.entryOffset(),
                "resource directory");
        Optional<Long> typeEntry = entry(bytes, root, root, RT_VERSION);
        if (typeEntry.isEmpty()) {
            return Optional.empty();
        }
        long names = subdirectory(bytes, root, typeEntry.get());
        long languages = subdirectory(bytes, root, first(bytes, names, "RT_VERSION names"));
        long leafEntry = first(bytes, languages, "RT_VERSION languages");
        long leaf = bytes.u32(leafEntry + 4, "resource entry");
        if ((leaf & SUBDIRECTORY) != 0) {
            throw bytes.error(leafEntry + 4, "RT_VERSION resource: a fourth directory level where data was expected");
        }
        long dataEntry = root + leaf;
        long dataRva = bytes.u32(dataEntry, "resource data entry");
        long size = bytes.u32(dataEntry + 4, "resource data entry Size");
        long offset = headers.fileOffset(dataRva, size, dataEntry, "RT_VERSION resource data");
        return Optional.of(new Location(offset, (int) size));
    }

    /** The entry with numeric id {@code id} of the directory at {@code directory}, if any. */
    private static Optional<Long> entry(PeBytes bytes, long root, long directory, int id) throws PeFormatException {
        int named = bytes.u16(directory + 12, "resource directory NumberOfNamedEntries");
        int ids = bytes.u16(directory + 14, "resource directory NumberOfIdEntries");
        long first = directory + DIRECTORY_HEADER_SIZE;
        bytes.require(first, (long) (named + ids) * ENTRY_SIZE, "resource directory entries");
        for (int i = named; i < named + ids; i++) {
            long at = first + (long) i * ENTRY_SIZE;
            if (bytes.u32(at, "resource entry Name") == id) {
                return Optional.of(at);
            }
        }
        return Optional.empty();
    }

    /** The first entry of the directory at {@code directory}. */
    private static long first(PeBytes bytes, long directory, String what) throws PeFormatException {
        int count = bytes.u16(directory + 12, "resource directory") + bytes.u16(directory + 14, "resource directory");
        if (count == 0) {
            throw bytes.error(directory, what + ": empty resource directory");
        }
        return directory + DIRECTORY_HEADER_SIZE;
    }

    /** The directory an entry points to (offsets are relative to the root of the resource tree). */
    private static long subdirectory(PeBytes bytes, long root, long entry) throws PeFormatException {
        long target = bytes.u32(entry + 4, "resource entry OffsetToData");
        if ((target & SUBDIRECTORY) == 0) {
            throw bytes.error(entry + 4, "resource entry: data where a subdirectory was expected");
        }
        long directory = root + (target & ~SUBDIRECTORY);
        bytes.require(directory, DIRECTORY_HEADER_SIZE, "resource subdirectory");
        return directory;
    }
}
