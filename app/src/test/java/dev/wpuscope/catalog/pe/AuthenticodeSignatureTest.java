package dev.wpuscope.catalog.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.pe.Check.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * wputrace.dll signed by osslsigncode with a throwaway certificate: the reader finds the signer, checks the
 * image digest and the signer's signature offline, notices a changed byte, and never claims a trusted chain.
 */
class AuthenticodeSignatureTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"x64, sha256, SHA-256, SHA256withRSA", "x86, sha1, SHA-1, SHA1withRSA",
            "x64, sha512, SHA-512, SHA512withRSA"})
    void aSignedDllNamesItsSignerAndItsChecksPass(String arch, String digest, String label, String algorithm)
            throws Exception {
        TestSigner signer = TestSigner.create(dir, "rsa:2048");
        Path signed = signer.sign(BuiltBinaries.file(arch, "wputrace.dll"), digest, "signed.dll");
        PeFileFacts facts = PeFileReader.read(signed);
        AuthenticodeSignature signature = facts.signature().orElseThrow();
        X509Certificate certificate = signer.certificate();
        SignerCertificate who = signature.signer();
        assertEquals(Optional.of("wpuscope test signer"), who.commonName());
        assertEquals(Optional.of("wpuscope tests"), who.organization());
        assertEquals("O=wpuscope tests,CN=wpuscope test signer", who.subject());
        assertEquals(who.subject(), who.issuer());
        assertEquals(certificate.getSerialNumber().toString(16).toUpperCase(), who.serialNumber());
        assertEquals(certificate.getNotBefore().toInstant(), who.notBefore());
        assertEquals(certificate.getNotAfter().toInstant(), who.notAfter());
        assertEquals(label, signature.digestAlgorithm());
        assertEquals(Check.passed("image digest matches (" + label + ")"), signature.imageDigest());
        assertEquals(Check.passed("signer signature verifies (" + algorithm + ")"), signature.signerSignature());
        assertEquals(Check.notChecked("chain not checked: offline"), signature.chain());
        assertEquals("signed by wpuscope test signer: image digest matches (" + label + "); signer signature"
                + " verifies (" + algorithm + "); chain not checked: offline", facts.signatureSummary());
        assertTrue(facts.version().isPresent(), "signing keeps the version resource readable");
    }

    @Test
    void anEcdsaSignatureVerifiesToo() throws Exception {
        TestSigner signer = TestSigner.create(dir, "ec", "-pkeyopt", "ec_paramgen_curve:P-256");
        PeFileFacts facts = PeFileReader.read(signer.sign(BuiltBinaries.file("x64", "wputrace.dll"), "sha256",
                "signed.dll"));
        assertEquals(Check.passed("signer signature verifies (SHA256withECDSA)"),
                facts.signature().orElseThrow().signerSignature());
    }

    @Test
    void oneChangedByteInTheCodeIsADigestMismatch() throws Exception {
        TestSigner signer = TestSigner.create(dir, "rsa:2048");
        Path signed = signer.sign(BuiltBinaries.file("x64", "wputrace.dll"), "sha256", "signed.dll");
        byte[] bytes = Files.readAllBytes(signed);
        PeSection text = PeHeaders.parse(new PeBytes("signed.dll", bytes)).sections().stream()
                .filter(s -> s.name().equals(".text")).findFirst().orElseThrow();
        bytes[(int) (text.rawOffset() + text.rawSize() / 2)] ^= 0x01;
        AuthenticodeSignature signature = PeFileReader.read("patched.dll", bytes).signature().orElseThrow();
        assertEquals(Outcome.FAILED, signature.imageDigest().outcome());
        assertTrue(signature.imageDigest().detail().startsWith("digest mismatch"), signature.imageDigest().detail());
        assertEquals(Outcome.PASSED, signature.signerSignature().outcome(),
                "the signature itself is intact: it just signed other bytes");
        assertFalse(signature.intactAsFarAsChecked());
    }

    @Test
    void theChecksumFieldIsNotPartOfTheDigest() throws Exception {
        TestSigner signer = TestSigner.create(dir, "rsa:2048");
        Path signed = signer.sign(BuiltBinaries.file("x64", "wputrace.dll"), "sha256", "signed.dll");
        byte[] bytes = Files.readAllBytes(signed);
        long checkSum = PeHeaders.parse(new PeBytes("signed.dll", bytes)).checkSumOffset();
        bytes[(int) checkSum] ^= 0x55;
        assertEquals(Outcome.PASSED, PeFileReader.read("rechecksummed.dll", bytes).signature().orElseThrow()
                .imageDigest().outcome());
    }

    @Test
    void aChangedSignatureByteFailsTheSignerCheck() throws Exception {
        TestSigner signer = TestSigner.create(dir, "rsa:2048");
        Path signed = signer.sign(BuiltBinaries.file("x64", "wputrace.dll"), "sha256", "signed.dll");
        byte[] bytes = Files.readAllBytes(signed);
        SignedData data = signedData(bytes);
        int at = indexOf(bytes, data.signer().signature());
        bytes[at + 10] ^= 0x01;
        AuthenticodeSignature read = PeFileReader.read("resigned.dll", bytes).signature().orElseThrow();
        assertEquals(Outcome.PASSED, read.imageDigest().outcome());
        assertEquals(Check.failed("signer signature does not verify with the signer certificate's key"),
                read.signerSignature());
    }

    private static SignedData signedData(byte[] bytes) throws PeFormatException {
        PeBytes pe = new PeBytes("signed.dll", bytes);
        DataDirectory table = PeHeaders.parse(pe).directory(PeHeaders.CERTIFICATE_DIRECTORY);
        return SignedDataParser.parse(pe, table.address() + 8, table.address() + table.size());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = haystack.length - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("signature bytes not found");
    }
}
