package dev.wpuscope.platform.windows;

import dev.wpuscope.platform.TrustCheck;
import java.util.Map;

/**
 * The trust verdict of WinVerifyTrust (WINTRUST_ACTION_GENERIC_VERIFY_V2): signature, digest and chain up to a
 * root this machine trusts. A file without an embedded Authenticode signature (most of Windows' own DLLs) is
 * judged as a member of the security catalog that lists it, when there is one. Revocation is not checked.
 */
public final class WindowsTrustCheck implements TrustCheck {
    static final int TRUST_E_NOSIGNATURE = 0x800B0100;
    private static final Map<Integer, String> RESULTS = Map.ofEntries(
            Map.entry(TRUST_E_NOSIGNATURE, "TRUST_E_NOSIGNATURE: no embedded signature and no security catalog"
                    + " lists the file"),
            Map.entry(0x80096010, "TRUST_E_BAD_DIGEST: the file was changed after it was signed"),
            Map.entry(0x800B0109, "CERT_E_UNTRUSTEDROOT: the chain ends in a root this machine does not trust"),
            Map.entry(0x800B010A, "CERT_E_CHAINING: the chain to a trusted root cannot be built"),
            Map.entry(0x800B0101, "CERT_E_EXPIRED: a certificate of the chain has expired"),
            Map.entry(0x800B010C, "CERT_E_REVOKED: a certificate of the chain was revoked"),
            Map.entry(0x800B0111, "TRUST_E_EXPLICIT_DISTRUST: the signer is explicitly distrusted on this machine"),
            Map.entry(0x800B0004, "TRUST_E_SUBJECT_NOT_TRUSTED: the signature is not trusted"),
            Map.entry(0x800B0003, "TRUST_E_SUBJECT_FORM_UNKNOWN: not a file type Windows can verify"),
            Map.entry(0x800B0001, "TRUST_E_PROVIDER_UNKNOWN: no trust provider for this file"),
            Map.entry(0x80092026, "CRYPT_E_SECURITY_SETTINGS: the machine's security settings forbid the check"),
            Map.entry(0x80096019, "TRUST_E_BASIC_CONSTRAINTS: a certificate of the chain is not a valid CA"),
            Map.entry(0x800B010F, "CERT_E_CN_NO_MATCH: certificate name mismatch"));

    @Override
    public String verdict(String path) {
        WinTrust wintrust = WinTrust.load();
        int embedded = verify(wintrust, WinTrustData.forFile(path));
        if (embedded != TRUST_E_NOSIGNATURE) {
            return describe(embedded);
        }
        return SecurityCatalogCheck.verify(wintrust, path, data -> verify(wintrust, data))
                .map(catalog -> describe(catalog.result()) + " (through security catalog " + catalog.catalogFile()
                        + ")")
                .orElse(describe(embedded));
    }

    /** WinVerifyTrust on the data, then the close call that frees its state. */
    private static int verify(WinTrust wintrust, WinTrustData data) {
        int result = wintrust.WinVerifyTrust(null, WinTrust.GENERIC_VERIFY_V2, data);
        data.dwStateAction = WinTrustData.WTD_STATEACTION_CLOSE;
        wintrust.WinVerifyTrust(null, WinTrust.GENERIC_VERIFY_V2, data);
        return result;
    }

    /** The words for a WinVerifyTrust result. */
    static String describe(int result) {
        if (result == 0) {
            return "trusted by Windows (WinVerifyTrust: signature, digest and chain to a trusted root;"
                    + " revocation not checked)";
        }
        return "not trusted by Windows: " + RESULTS.getOrDefault(result, String.format("WinVerifyTrust 0x%08X",
                result));
    }
}
