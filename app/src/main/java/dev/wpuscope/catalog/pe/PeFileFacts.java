package dev.wpuscope.catalog.pe;

import java.util.Optional;

/**
 * What a support engineer wants to know about a provider DLL, read from the file alone.
 *
 * @param file        the file as named to the reader
 * @param machine     the processor the image is for
 * @param machineCode the raw IMAGE_FILE_MACHINE_* value (for {@link PeMachine#UNKNOWN})
 * @param dll         whether the image is a DLL (IMAGE_FILE_DLL)
 * @param version     the VS_VERSIONINFO resource, when the file has one
 * @param signature   the Authenticode signature, when the file has one
 */
public record PeFileFacts(String file, PeMachine machine, int machineCode, boolean dll, Optional<VersionInfo> version,
                          Optional<AuthenticodeSignature> signature) {

    /** e.g. "x64 DLL" or "unknown machine 0x1234 EXE" */
    public String imageKind() {
        String kind = machine == PeMachine.UNKNOWN ? String.format("unknown machine 0x%04X", machineCode)
                : machine.label();
        return kind + (dll ? " DLL" : " executable (not a DLL)");
    }

    /** "not signed", or the signer and the outcome of the offline checks. */
    public String signatureSummary() {
        return signature.map(s -> "signed by " + s.signer().displayName() + ": " + s.summary()).orElse("not signed");
    }
}
