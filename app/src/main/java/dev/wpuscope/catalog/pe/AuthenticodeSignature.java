package dev.wpuscope.catalog.pe;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A file's Authenticode signature and what could be checked about it without the machine's trust store.
 *
 * @param digestAlgorithm  the image digest algorithm, e.g. "SHA-256"
 * @param signer           the certificate that signed
 * @param certificateCount how many certificates the signature carries
 * @param imageDigest      whether the file's image digest is the one that was signed
 * @param signerSignature  whether the signer's signature over it verifies with the signer certificate
 * @param chain            trust in a root: never decidable offline
 */
public record AuthenticodeSignature(String digestAlgorithm, SignerCertificate signer, int certificateCount,
                                    Check imageDigest, Check signerSignature, Check chain) {

    /** The checks in the order they build on each other. */
    public List<Check> checks() {
        return List.of(imageDigest, signerSignature, chain);
    }

    /** Whether every check that could be made passed. */
    public boolean intactAsFarAsChecked() {
        return checks().stream().noneMatch(c -> c.outcome() == Check.Outcome.FAILED);
    }

    /** e.g. "image digest matches (SHA-256); signer signature verifies (SHA256withRSA); chain not checked: offline" */
    public String summary() {
        return checks().stream().map(Check::detail).collect(Collectors.joining("; "));
    }
}
