package dev.wpuscope.catalog.pe;

/** One section header: where the section lives in memory (RVA) and in the file. */
record PeSection(String name, long virtualAddress, long virtualSize, long rawOffset, long rawSize) {

    /** Whether the RVA falls into the bytes this section has in the file. */
    boolean containsInFile(long rva) {
        return rva >= virtualAddress && rva - virtualAddress < rawSize;
    }
}
