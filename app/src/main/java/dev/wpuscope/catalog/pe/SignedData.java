package dev.wpuscope.catalog.pe;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The parts of an Authenticode PKCS#7 SignedData the offline checks need.
 *
 * @param imageDigestAlgorithm  OID of the digest in SpcIndirectDataContent
 * @param imageDigest           the PE image digest the signer signed
 * @param indirectDataContent   the SpcIndirectDataContent's contents (what the messageDigest attribute covers)
 * @param certificates          the certificates the signature carries
 * @param certificateOffsets    the file offset of each certificate (for errors about it)
 * @param signer                the first SignerInfo
 */
record SignedData(String imageDigestAlgorithm, byte[] imageDigest, byte[] indirectDataContent,
                  List<X509Certificate> certificates, List<Long> certificateOffsets, SignerInfo signer) {

    /**
     * One SignerInfo.
     *
     * @param issuer                  the signer certificate's issuer Name (DER)
     * @param serial                  the signer certificate's serial number
     * @param digestAlgorithm         OID of the digest over the authenticated attributes
     * @param authenticatedAttributes the attributes as signed: their DER with the SET OF tag (0x31)
     * @param messageDigest           the messageDigest attribute's value, empty array when absent
     * @param signatureAlgorithm      OID of digestEncryptionAlgorithm
     * @param signature               encryptedDigest
     * @param offset                  the file offset of the SignerInfo
     */
    record SignerInfo(byte[] issuer, BigInteger serial, String digestAlgorithm, byte[] authenticatedAttributes,
                      byte[] messageDigest, String signatureAlgorithm, byte[] signature, long offset) {
    }
}
