package dev.wpuscope.catalog.pe;

import java.time.Instant;
import java.util.Optional;

/**
 * The certificate that signed a file, as a support engineer reads it.
 *
 * @param subject      the subject distinguished name (RFC 2253)
 * @param commonName   the subject's CN
 * @param organization the subject's O
 * @param issuer       the issuer distinguished name (RFC 2253)
 * @param notBefore    start of validity
 * @param notAfter     end of validity
 * @param serialNumber the serial number in hexadecimal
 */
public record SignerCertificate(String subject, Optional<String> commonName, Optional<String> organization,
                                String issuer, Instant notBefore, Instant notAfter, String serialNumber) {

    /** The signer's name as people say it: the CN, else the O, else the whole subject. */
    public String displayName() {
        return commonName.or(() -> organization).orElse(subject);
    }
}
