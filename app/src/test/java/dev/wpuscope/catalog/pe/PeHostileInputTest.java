package dev.wpuscope.catalog.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Truncated, damaged and hostile files: one clear error naming the file and the byte offset, nothing else. */
class PeHostileInputTest {
    private static final Map<String, String> STRINGS = Map.of("CompanyName", "Example Corp",
            "FileDescription", "Example layered provider");

    private static byte[] tiny() {
        return TinyPe.dll(STRINGS);
    }

    private static String error(byte[] bytes) {
        return assertThrows(PeFormatException.class, () -> PeFileReader.read("bad.dll", bytes)).getMessage();
    }

    private static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void theTinyFileReadsAsAVersionedUnsignedX64Dll() throws PeFormatException {
        PeFileFacts facts = PeFileReader.read("tiny.dll", tiny());
        assertEquals(PeMachine.X64, facts.machine());
        assertEquals("x64 DLL", facts.imageKind());
        VersionInfo version = facts.version().orElseThrow();
        assertEquals(Optional.of("1.2.3.4"), version.fileVersion());
        assertEquals(Optional.of("5.6.7.8"), version.productVersion());
        assertEquals(Optional.of("Example Corp"), version.companyName());
        assertEquals(Optional.of("Example layered provider"), version.fileDescription());
        assertEquals("not signed", facts.signatureSummary());
    }

    @Test
    void nonPeFilesAreRejectedAtTheirFirstByte() {
        assertEquals("bad.dll: byte offset 0 (0x0): not a PE file: no \"MZ\" signature", error(new byte[0]));
        assertEquals("bad.dll: byte offset 0 (0x0): not a PE file: no \"MZ\" signature",
                error("#!/bin/sh\necho hi\n".getBytes()));
    }

    @Test
    void aPeHeaderOffsetPastTheEndNamesWhereItPoints() {
        byte[] bytes = tiny();
        le(bytes).putInt(0x3C, 0x7FFF_FFF0);
        assertEquals("bad.dll: byte offset " + bytes.length + " (0x" + Integer.toHexString(bytes.length)
                + "): not a PE file: no \"PE\\0\\0\" signature where e_lfanew points (2147483632)", error(bytes));
    }

    @Test
    void everyTruncationIsAnErrorNamingTheFileAndOffset() {
        byte[] bytes = tiny();
        for (int length = 0; length < bytes.length; length++) {
            byte[] cut = Arrays.copyOf(bytes, length);
            try {
                PeFileReader.read("cut.dll", cut);
            } catch (PeFormatException e) {
                assertTrue(e.getMessage().matches("cut\\.dll: byte offset \\d+ \\(0x\\p{XDigit}+\\): .+"),
                        e.getMessage());
                continue;
            }
            assertTrue(length >= TinyPe.VERSION_OFFSET + 0x100, "a file cut at " + length + " read without error");
        }
    }

    @Test
    void aVersionBlockLongerThanItsResourceIsNamedAtItsOffset() {
        byte[] bytes = tiny();
        le(bytes).putShort(TinyPe.VERSION_OFFSET, (short) 0x7FFF);
        String message = error(bytes);
        assertTrue(message.startsWith("bad.dll: byte offset " + TinyPe.VERSION_OFFSET + " "), message);
        assertTrue(message.contains("version block length 32767 does not fit its parent"), message);
    }

    @Test
    void aZeroLengthVersionBlockCannotLoop() {
        byte[] bytes = tiny();
        int stringFileInfo = TinyPe.VERSION_OFFSET + 40 + 52; // header and "VS_VERSION_INFO\0", fixed info
        le(bytes).putShort(stringFileInfo, (short) 0);
        String message = error(bytes);
        assertTrue(message.startsWith("bad.dll: byte offset " + stringFileInfo + " "), message);
    }

    @Test
    void aResourceRvaOutsideEverySectionNamesTheDataEntry() {
        byte[] bytes = tiny();
        le(bytes).putInt(TinyPe.DATA_ENTRY, 0x7000_0000);
        assertEquals("bad.dll: byte offset " + TinyPe.DATA_ENTRY + " (0x" + Integer.toHexString(TinyPe.DATA_ENTRY)
                + "): RT_VERSION resource data: RVA 0x70000000 is in no section's file data", error(bytes));
    }

    @Test
    void anOptionalHeaderTooSmallForItsFieldsIsReported() {
        byte[] bytes = tiny();
        le(bytes).putShort(TinyPe.PE_OFFSET + 20, (short) 64);
        assertEquals("bad.dll: byte offset 84 (0x54): SizeOfOptionalHeader 64 is smaller than the 112 bytes a PE32+"
                + " optional header has", error(bytes));
    }

    @Test
    void aSectionCountBeyondTheFileIsReported() {
        byte[] bytes = tiny();
        le(bytes).putShort(TinyPe.PE_OFFSET + 6, (short) 0xFFFF);
        assertTrue(error(bytes).contains("section table"), error(bytes));
    }

    @Test
    void aCertificateTableOutsideTheFileIsReported() {
        byte[] bytes = tiny();
        int entry = TinyPe.RESOURCE_DIRECTORY_ENTRY + 2 * 8;
        le(bytes).putInt(entry, 0x300).putInt(entry + 4, 0x7FFF_FFFF);
        String message = error(bytes);
        assertTrue(message.contains("certificate table"), message);
        assertTrue(message.contains("outside the file"), message);
    }

    @Test
    void aCertificateTableOfGarbageIsReportedAtItsOffset() {
        byte[] bytes = Arrays.copyOf(tiny(), tiny().length + 16);
        int table = bytes.length - 16;
        le(bytes).putInt(TinyPe.RESOURCE_DIRECTORY_ENTRY + 16, table).putInt(TinyPe.RESOURCE_DIRECTORY_ENTRY + 20, 16)
                .putInt(table, 16).putShort(table + 4, (short) 0x200).putShort(table + 6, (short) 2)
                .put(table + 8, (byte) 0x30).put(table + 9, (byte) 0x7F);
        assertEquals("bad.dll: byte offset " + (table + 8) + " (0x" + Integer.toHexString(table + 8)
                + "): DER: value of 127 bytes runs past its container (which ends at " + bytes.length + ")",
                error(bytes));
    }

    @Test
    void aMissingFileIsOneClearError(@TempDir Path dir) {
        Path missing = dir.resolve("gone.dll");
        String message = assertThrows(PeFormatException.class, () -> PeFileReader.read(missing)).getMessage();
        assertTrue(message.startsWith(missing + ": cannot be read"), message);
    }

    @Test
    void aFileReadFromDiskIsNamedByItsPath(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("x.dll"), new byte[] {'M', 'Z'});
        String message = assertThrows(PeFormatException.class, () -> PeFileReader.read(file)).getMessage();
        assertEquals(file + ": byte offset 60 (0x3c): e_lfanew (offset of the PE header) (4 bytes) lies outside"
                + " the file of 2 bytes (truncated?)", message);
    }

    @Test
    void theSignedSeedVerifiesAndEveryCutOfItsSignatureIsAClearError() throws PeFormatException {
        byte[] signed = PeFileReaderFuzzTest.TINY_SIGNED;
        PeFileFacts facts = PeFileReader.read("seed.dll", signed);
        assertEquals("signed by wpuscope fuzz seed: image digest matches (SHA-256); signer signature verifies"
                + " (SHA256withECDSA); chain not checked: offline", facts.signatureSummary());
        DataDirectory table = PeHeaders.parse(new PeBytes("seed.dll", signed)).directory(
                PeHeaders.CERTIFICATE_DIRECTORY);
        for (long cut = table.address(); cut < signed.length; cut++) {
            byte[] bytes = Arrays.copyOf(signed, (int) cut);
            String message = error(bytes);
            assertTrue(message.contains("certificate table"), message);
        }
        for (long at = table.address() + 8; at < signed.length; at++) {
            byte[] bytes = signed.clone();
            bytes[(int) at] ^= (byte) 0xFF;
            try {
                PeFileReader.read("flipped.dll", bytes);
            } catch (PeFormatException e) {
                assertTrue(e.getMessage().startsWith("flipped.dll: byte offset "), e.getMessage());
            }
        }
    }
}
