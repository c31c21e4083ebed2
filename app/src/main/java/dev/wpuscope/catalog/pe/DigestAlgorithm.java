package dev.wpuscope.catalog.pe;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

/** The digest algorithms Authenticode signatures use, by OID, with their java.security names. */
enum DigestAlgorithm {
    MD5("1.2.840.113549.2.5", "MD5", "MD5"),
    SHA1("1.3.14.3.2.26", "SHA-1", "SHA1"),
    SHA256("2.16.840.1.101.3.4.2.1", "SHA-256", "SHA256"),
    SHA384("2.16.840.1.101.3.4.2.2", "SHA-384", "SHA384"),
    SHA512("2.16.840.1.101.3.4.2.3", "SHA-512", "SHA512");

    private final String oid;
    private final String digestName;
    private final String signaturePrefix;

    DigestAlgorithm(String oid, String digestName, String signaturePrefix) {
        this.oid = oid;
        this.digestName = digestName;
        this.signaturePrefix = signaturePrefix;
    }

    static Optional<DigestAlgorithm> of(String oid) {
        return Arrays.stream(values()).filter(a -> a.oid.equals(oid)).findFirst();
    }

    /** "SHA-256" */
    String label() {
        return digestName;
    }

    /** The prefix of java.security signature names, e.g. "SHA256" in "SHA256withRSA". */
    String signaturePrefix() {
        return signaturePrefix;
    }

    MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(digestName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has " + digestName, e);
        }
    }
}
