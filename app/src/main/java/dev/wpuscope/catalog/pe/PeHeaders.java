package dev.wpuscope.catalog.pe;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The headers of a PE image (MZ stub, "PE\0\0", COFF header, optional header, section table): machine,
 * DLL flag, data directories and sections, plus where the CheckSum field is (the image digest skips it).
 */
final class PeHeaders {
    static final int RESOURCE_DIRECTORY = 2;
    static final int CERTIFICATE_DIRECTORY = 4;

    private static final byte[] MZ = {'M', 'Z'};
    private static final byte[] PE_SIGNATURE = {'P', 'E', 0, 0};
    private static final int PE32 = 0x10B;
    private static final int PE32_PLUS = 0x20B;
    private static final int IMAGE_FILE_DLL = 0x2000;
    private static final int SECTION_HEADER_SIZE = 40;
    private static final int DIRECTORY_ENTRY_SIZE = 8;

    private final PeBytes bytes;
    private final int machineCode;
    private final boolean dll;
    private final long checkSumOffset;
    private final List<DataDirectory> directories;
    private final List<PeSection> sections;

    private PeHeaders(PeBytes bytes, int machineCode, boolean dll, long checkSumOffset,
                      List<DataDirectory> directories, List<PeSection> sections) {
        this.bytes = bytes;
        this.machineCode = machineCode;
        this.dll = dll;
        this.checkSumOffset = checkSumOffset;
        this.directories = directories;
        this.sections = sections;
    }

    static PeHeaders parse(PeBytes bytes) throws PeFormatException {
        if (!bytes.startsWith(0, MZ)) {
            throw bytes.error(0, "not a PE file: no \"MZ\" signature");
        }
        long peOffset = bytes.u32(0x3C, "e_lfanew (offset of the PE header)");
        if (!bytes.startsWith(peOffset, PE_SIGNATURE)) {
            throw bytes.error(Math.min(peOffset, bytes.length()), "not a PE file: no \"PE\\0\\0\" signature where"
                    + " e_lfanew points (" + peOffset + ")");
        }
        long coff = peOffset + 4;
        int machine = bytes.u16(coff, "COFF Machine");
        int sectionCount = bytes.u16(coff + 2, "COFF NumberOfSections");
        int optionalSize = bytes.u16(coff + 16, "COFF SizeOfOptionalHeader");
        int characteristics = bytes.u16(coff + 18, "COFF Characteristics");
        long optional = coff + 20;
        bytes.require(optional, optionalSize, "optional header");
        int magic = bytes.u16(optional, "optional header Magic");
        if (magic != PE32 && magic != PE32_PLUS) {
            throw bytes.error(optional, String.format("unknown optional header magic 0x%X (expected 0x10B or 0x20B)",
                    magic));
        }
        int fixedPart = magic == PE32 ? 96 : 112;
        if (optionalSize < fixedPart) {
            throw bytes.error(coff + 16, "SizeOfOptionalHeader " + optionalSize + " is smaller than the "
                    + fixedPart + " bytes a " + (magic == PE32 ? "PE32" : "PE32+") + " optional header has");
        }
        long directoryCountOffset = optional + fixedPart - 4;
        long directoryCount = bytes.u32(directoryCountOffset, "NumberOfRvaAndSizes");
        long directoryStart = directoryCountOffset + 4;
        long directoriesFit = (optional + optionalSize - directoryStart) / DIRECTORY_ENTRY_SIZE;
        if (directoryCount > directoriesFit) {
            throw bytes.error(directoryCountOffset, "NumberOfRvaAndSizes " + directoryCount + " does not fit the"
                    + " optional header of " + optionalSize + " bytes");
        }
        List<DataDirectory> directories = new ArrayList<>();
        for (int i = 0; i < directoryCount; i++) {
            long at = directoryStart + (long) i * DIRECTORY_ENTRY_SIZE;
            directories.add(new DataDirectory(bytes.u32(at, "data directory"), bytes.u32(at + 4, "data directory"), at));
        }
        List<PeSection> sections = new ArrayList<>();
        long sectionTable = optional + optionalSize;
        bytes.require(sectionTable, (long) sectionCount * SECTION_HEADER_SIZE, "section table");
        for (int i = 0; i < sectionCount; i++) {
            long at = sectionTable + (long) i * SECTION_HEADER_SIZE;
            String name = new String(bytes.copy(at, 8, "section name"), StandardCharsets.ISO_8859_1)
                    .replace("\0", "");
            sections.add(new PeSection(name, bytes.u32(at + 12, "section VirtualAddress"),
                    bytes.u32(at + 8, "section VirtualSize"), bytes.u32(at + 20, "section PointerToRawData"),
                    bytes.u32(at + 16, "section SizeOfRawData")));
        }
        return new PeHeaders(bytes, machine, (characteristics & IMAGE_FILE_DLL) != 0, optional + 64,
                List.copyOf(directories), List.copyOf(sections));
    }

    PeMachine machine() {
        return PeMachine.of(machineCode);
    }

    int machineCode() {
        return machineCode;
    }

    boolean isDll() {
        return dll;
    }

    long checkSumOffset() {
        return checkSumOffset;
    }

    /** The data directory at {@code index}, or an absent one when the header has fewer. */
    DataDirectory directory(int index) {
        return index < directories.size() ? directories.get(index) : new DataDirectory(0, 0, -1);
    }

    List<PeSection> sections() {
        return sections;
    }

    /**
     * The file offset of an RVA that lies in a section's file bytes, with {@code count} bytes from there.
     *
     * @param referencedAt where the RVA was read (named in the error when it points nowhere)
     */
    long fileOffset(long rva, long count, long referencedAt, String what) throws PeFormatException {
        for (PeSection section : sections) {
            if (section.containsInFile(rva)) {
                long offset = section.rawOffset() + (rva - section.virtualAddress());
                if (rva - section.virtualAddress() + count > section.rawSize()) {
                    throw bytes.error(offset, what + " (" + count + " bytes) runs past the end of section "
                            + section.name());
                }
                bytes.require(offset, count, what);
                return offset;
            }
        }
        throw bytes.error(referencedAt, String.format("%s: RVA 0x%X is in no section's file data", what, rva));
    }
}
