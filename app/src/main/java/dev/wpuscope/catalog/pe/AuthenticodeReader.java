package dev.wpuscope.catalog.pe;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * Reads the certificate table (WIN_CERTIFICATE entries at the file offset its data directory gives), takes
 * the first PKCS#7 SignedData and checks offline what can be checked: the image digest and the signer's
 * signature. Trust in a root is not decidable without the machine's trust store and is reported as such.
 */
final class AuthenticodeReader {
    static final String CHAIN_NOT_CHECKED = "chain not checked: offline";

    private static final int WIN_CERTIFICATE_HEADER = 8;
    private static final int WIN_CERT_TYPE_PKCS_SIGNED_DATA = 2;

    private final PeBytes bytes;
    private final PeHeaders headers;

    private AuthenticodeReader(PeBytes bytes, PeHeaders headers) {
        this.bytes = bytes;
        this.headers = headers;
    }

    /** The signature, or empty when the file has no certificate table. */
    static Optional<AuthenticodeSignature> read(PeBytes bytes, PeHeaders headers) throws PeFormatException {
        DataDirectory table = headers.directory(PeHeaders.CERTIFICATE_DIRECTORY);
        if (!table.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new AuthenticodeReader(bytes, headers).signature(table));
    }

    private AuthenticodeSignature signature(DataDirectory table) throws PeFormatException {
        long start = table.address();
        long end = start + table.size();
        bytes.require(start, table.size(), "certificate table");
        if (start < table.entryOffset() + 8) {
            throw bytes.error(table.entryOffset(), "certificate table at " + start + " overlaps the PE headers");
        }
        long entry = signedDataEntry(start, end);
        long length = bytes.u32(entry, "WIN_CERTIFICATE dwLength");
        SignedData data = SignedDataParser.parse(bytes, entry + WIN_CERTIFICATE_HEADER, entry + length);
        int signerIndex = signerCertificate(data);
        X509Certificate certificate = data.certificates().get(signerIndex);
        SignerCertificate signer = describe(Der.read(bytes, data.certificateOffsets().get(signerIndex), end),
                certificate);
        Optional<DigestAlgorithm> digest = DigestAlgorithm.of(data.imageDigestAlgorithm());
        String digestLabel = digest.map(DigestAlgorithm::label).orElse(data.imageDigestAlgorithm());
        return new AuthenticodeSignature(digestLabel, signer, data.certificates().size(), imageDigest(data, digest),
                SignerSignatureCheck.check(data, certificate), Check.notChecked(CHAIN_NOT_CHECKED));
    }

    /** The offset of the first WIN_CERTIFICATE that holds PKCS#7 SignedData. */
    private long signedDataEntry(long start, long end) throws PeFormatException {
        long at = start;
        while (at + WIN_CERTIFICATE_HEADER <= end) {
            long length = bytes.u32(at, "WIN_CERTIFICATE dwLength");
            if (length < WIN_CERTIFICATE_HEADER || at + length > end) {
                throw bytes.error(at, "WIN_CERTIFICATE length " + length + " does not fit the certificate table"
                        + " (which ends at " + end + ")");
            }
            if (bytes.u16(at + 6, "WIN_CERTIFICATE wCertificateType") == WIN_CERT_TYPE_PKCS_SIGNED_DATA) {
                return at;
            }
            at += (length + 7) & ~7L;
        }
        throw bytes.error(start, "the certificate table holds no PKCS#7 signature (WIN_CERT_TYPE_PKCS_SIGNED_DATA)");
    }

    private Check imageDigest(SignedData data, Optional<DigestAlgorithm> digest) {
        if (digest.isEmpty()) {
            return Check.notChecked("image digest not checked: algorithm " + data.imageDigestAlgorithm()
                    + " is not supported");
        }
        byte[] actual = ImageDigest.of(bytes, headers, digest.get());
        return MessageDigest.isEqual(actual, data.imageDigest())
                ? Check.passed("image digest matches (" + digest.get().label() + ")")
                : Check.failed("digest mismatch: the file was changed after it was signed (" + digest.get().label()
                        + ")");
    }

    /** The index of the certificate the SignerInfo names by issuer and serial number. */
    private int signerCertificate(SignedData data) throws PeFormatException {
        SignedData.SignerInfo signer = data.signer();
        X500Principal issuer;
        try {
            issuer = new X500Principal(signer.issuer());
        } catch (IllegalArgumentException e) {
            throw bytes.error(signer.offset(), "SignerInfo issuer name cannot be decoded: " + e.getMessage());
        }
        List<X509Certificate> certificates = data.certificates();
        for (int i = 0; i < certificates.size(); i++) {
            X509Certificate c = certificates.get(i);
            if (c.getSerialNumber().equals(signer.serial()) && c.getIssuerX500Principal().equals(issuer)) {
                return i;
            }
        }
        throw bytes.error(signer.offset(), "the signer's certificate (serial " + signer.serial().toString(16)
                + ", issuer " + issuer.getName() + ") is not among the signature's " + certificates.size()
                + " certificates");
    }

    /** The certificate's names (CN and O read from its subject Name in the file) and validity. */
    private SignerCertificate describe(Der certificate, X509Certificate parsed) throws PeFormatException {
        List<Der> tbs = certificate.child(0, "tbsCertificate").children();
        int first = !tbs.isEmpty() && tbs.get(0).tag() == Der.CONTEXT_0 ? 1 : 0;
        int subjectIndex = first + 4;
        if (tbs.size() <= subjectIndex) {
            throw bytes.error(certificate.start(), "tbsCertificate has no subject");
        }
        Der subject = tbs.get(subjectIndex);
        return new SignerCertificate(parsed.getSubjectX500Principal().getName(),
                DistinguishedName.attribute(subject, DistinguishedName.COMMON_NAME),
                DistinguishedName.attribute(subject, DistinguishedName.ORGANIZATION),
                parsed.getIssuerX500Principal().getName(), parsed.getNotBefore().toInstant(),
                parsed.getNotAfter().toInstant(), parsed.getSerialNumber().toString(16).toUpperCase());
    }
}
