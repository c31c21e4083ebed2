package dev.wpuscope.catalog.pe;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a SignerInfo offline: its messageDigest attribute must be the digest of the signed
 * SpcIndirectDataContent (which holds the image digest), and its signature over the authenticated
 * attributes must verify with the signer certificate's public key.
 */
final class SignerSignatureCheck {
    private static final Set<String> RSA = Set.of("1.2.840.113549.1.1.1", "1.2.840.113549.1.1.4",
            "1.2.840.113549.1.1.5", "1.2.840.113549.1.1.11", "1.2.840.113549.1.1.12", "1.2.840.113549.1.1.13");
    private static final Set<String> ECDSA = Set.of("1.2.840.10045.2.1", "1.2.840.10045.4.1",
            "1.2.840.10045.4.3.2", "1.2.840.10045.4.3.3", "1.2.840.10045.4.3.4");

    private SignerSignatureCheck() {
    }

    static Check check(SignedData data, X509Certificate certificate) {
        SignedData.SignerInfo signer = data.signer();
        Optional<DigestAlgorithm> digest = DigestAlgorithm.of(signer.digestAlgorithm());
        if (digest.isEmpty()) {
            return Check.notChecked("signer signature not checked: digest algorithm " + signer.digestAlgorithm()
                    + " is not supported");
        }
        if (signer.authenticatedAttributes().length == 0) {
            return Check.failed("signer signature not valid for Authenticode: no authenticated attributes");
        }
        byte[] contentDigest = digest.get().newDigest().digest(data.indirectDataContent());
        if (!MessageDigest.isEqual(contentDigest, signer.messageDigest())) {
            return Check.failed("signer signature does not cover this image digest: the messageDigest attribute"
                    + " does not match the signed content");
        }
        Optional<String> algorithm = signatureName(signer.signatureAlgorithm(), digest.get());
        if (algorithm.isEmpty()) {
            return Check.notChecked("signer signature not checked: signature algorithm "
                    + signer.signatureAlgorithm() + " is not supported");
        }
        try {
            Signature verifier = Signature.getInstance(algorithm.get());
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(signer.authenticatedAttributes());
            return verifier.verify(signer.signature())
                    ? Check.passed("signer signature verifies (" + algorithm.get() + ")")
                    : Check.failed("signer signature does not verify with the signer certificate's key");
        } catch (GeneralSecurityException e) {
            return Check.failed("signer signature cannot be verified (" + algorithm.get() + "): " + e.getMessage());
        }
    }

    /** The java.security name, e.g. "SHA256withRSA". */
    private static Optional<String> signatureName(String oid, DigestAlgorithm digest) {
        if (RSA.contains(oid)) {
            return Optional.of(digest.signaturePrefix() + "withRSA");
        }
        if (ECDSA.contains(oid)) {
            return Optional.of(digest.signaturePrefix() + "withECDSA");
        }
        return Optional.empty();
    }
}
