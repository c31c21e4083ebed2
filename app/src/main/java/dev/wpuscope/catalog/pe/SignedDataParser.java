package dev.wpuscope.catalog.pe;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the PKCS#7 ContentInfo of a WIN_CERTIFICATE (RFC 2315 SignedData whose content is Microsoft's
 * SpcIndirectDataContent) into {@link SignedData}. Structural damage is an error at its file offset.
 */
final class SignedDataParser {
    private static final String SIGNED_DATA = "1.2.840.113549.1.7.2";
    private static final String SPC_INDIRECT_DATA = "1.3.6.1.4.1.311.2.1.4";
    private static final String MESSAGE_DIGEST = "1.2.840.113549.1.9.4";

    private final PeBytes bytes;

    private SignedDataParser(PeBytes bytes) {
        this.bytes = bytes;
    }

    /** Parses the ContentInfo at {@code [start, end)}. */
    static SignedData parse(PeBytes bytes, long start, long end) throws PeFormatException {
        return new SignedDataParser(bytes).contentInfo(Der.read(bytes, start, end));
    }

    private SignedData contentInfo(Der contentInfo) throws PeFormatException {
        contentInfo.expect(Der.SEQUENCE, "ContentInfo SEQUENCE");
        Der type = contentInfo.child(0, "ContentInfo contentType");
        if (!type.oid().equals(SIGNED_DATA)) {
            throw bytes.error(type.start(), "PKCS#7 content type " + type.oid() + " is not signedData");
        }
        Der signedData = contentInfo.child(1, "ContentInfo content").expect(Der.CONTEXT_0, "[0] content")
                .child(0, "SignedData").expect(Der.SEQUENCE, "SignedData SEQUENCE");
        List<Der> parts = signedData.children();
        if (parts.size() < 4) {
            throw bytes.error(signedData.start(), "SignedData has " + parts.size() + " parts, at least 4 expected");
        }
        Der encapsulated = parts.get(2).expect(Der.SEQUENCE, "encapsulated ContentInfo");
        Der encapsulatedType = encapsulated.child(0, "encapsulated contentType");
        if (!encapsulatedType.oid().equals(SPC_INDIRECT_DATA)) {
            throw bytes.error(encapsulatedType.start(), "signed content type " + encapsulatedType.oid()
                    + " is not SpcIndirectDataContent (" + SPC_INDIRECT_DATA + ")");
        }
        Der indirect = encapsulated.child(1, "SpcIndirectDataContent").expect(Der.CONTEXT_0, "[0] content")
                .child(0, "SpcIndirectDataContent").expect(Der.SEQUENCE, "SpcIndirectDataContent SEQUENCE");
        Der digestInfo = indirect.child(1, "SpcIndirectDataContent messageDigest")
                .expect(Der.SEQUENCE, "DigestInfo SEQUENCE");
        String digestAlgorithm = algorithm(digestInfo.child(0, "DigestInfo digestAlgorithm"));
        byte[] imageDigest = digestInfo.child(1, "DigestInfo digest").expect(Der.OCTET_STRING, "digest OCTET STRING")
                .content();
        List<X509Certificate> certificates = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        int next = 3;
        if (parts.get(next).tag() == Der.CONTEXT_0) {
            for (Der certificate : parts.get(next).children()) {
                certificates.add(certificate(certificate));
                offsets.add(certificate.start());
            }
            next++;
        }
        if (next < parts.size() && parts.get(next).tag() == Der.CONTEXT_1) {
            next++;
        }
        if (next >= parts.size()) {
            throw bytes.error(signedData.start(), "SignedData has no signerInfos");
        }
        Der signerInfos = parts.get(next).expect(Der.SET, "signerInfos SET");
        Der signer = signerInfos.child(0, "SignerInfo").expect(Der.SEQUENCE, "SignerInfo SEQUENCE");
        return new SignedData(digestAlgorithm, imageDigest, indirect.content(), List.copyOf(certificates),
                List.copyOf(offsets), signerInfo(signer));
    }

    private SignedData.SignerInfo signerInfo(Der signer) throws PeFormatException {
        List<Der> fields = signer.children();
        if (fields.size() < 5) {
            throw bytes.error(signer.start(), "SignerInfo has " + fields.size() + " fields, at least 5 expected");
        }
        Der id = fields.get(1);
        if (id.tag() != Der.SEQUENCE) {
            throw bytes.error(id.start(), "SignerInfo names its signer by subject key identifier;"
                    + " Authenticode uses issuer and serial number");
        }
        byte[] issuer = id.child(0, "issuer").expect(Der.SEQUENCE, "issuer Name").encoded();
        var serial = id.child(1, "serialNumber").integer();
        String digestAlgorithm = algorithm(fields.get(2));
        int next = 3;
        byte[] attributes = new byte[0];
        byte[] messageDigest = new byte[0];
        if (fields.get(next).tag() == Der.CONTEXT_0) {
            Der signed = fields.get(next);
            attributes = signed.encoded();
            attributes[0] = (byte) Der.SET;
            messageDigest = messageDigest(signed);
            next++;
        }
        if (fields.size() < next + 2) {
            throw bytes.error(signer.start(), "SignerInfo ends before its signature");
        }
        String signatureAlgorithm = algorithm(fields.get(next));
        byte[] signature = fields.get(next + 1).expect(Der.OCTET_STRING, "encryptedDigest OCTET STRING").content();
        return new SignedData.SignerInfo(issuer, serial, digestAlgorithm, attributes, messageDigest,
                signatureAlgorithm, signature, signer.start());
    }

    /** The value of the messageDigest attribute, or an empty array when there is none. */
    private byte[] messageDigest(Der attributes) throws PeFormatException {
        for (Der attribute : attributes.children()) {
            attribute.expect(Der.SEQUENCE, "Attribute SEQUENCE");
            if (attribute.child(0, "attribute type").oid().equals(MESSAGE_DIGEST)) {
                return attribute.child(1, "attribute values").expect(Der.SET, "attribute values SET")
                        .child(0, "messageDigest value").expect(Der.OCTET_STRING, "messageDigest OCTET STRING")
                        .content();
            }
        }
        return new byte[0];
    }

    /** The OID of an AlgorithmIdentifier. */
    private static String algorithm(Der identifier) throws PeFormatException {
        return identifier.expect(Der.SEQUENCE, "AlgorithmIdentifier SEQUENCE").child(0, "algorithm").oid();
    }

    private X509Certificate certificate(Der certificate) throws PeFormatException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificate.expect(Der.SEQUENCE, "Certificate")
                            .encoded()));
        } catch (CertificateException | RuntimeException e) {
            // the JDK's X.509 parser reports some malformed encodings with unchecked exceptions
            throw bytes.error(certificate.start(), "certificate cannot be decoded: " + e.getMessage());
        }
    }
}
