package dev.wpuscope.platform;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.pe.AuthenticodeSignature;
import dev.wpuscope.catalog.pe.Check;
import dev.wpuscope.catalog.pe.PeFileFacts;
import dev.wpuscope.catalog.pe.SignerCertificate;
import dev.wpuscope.catalog.pe.VersionInfo;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A provider DLL's details as named lines for people (the GUI's detail pane, the CLI's --files): file and
 * image kind, version resource, signer, and signature status (offline checks and the system's verdict).
 */
public final class ProviderFileDescription {
    /** The name of the first line, which says where the file is or why it was not read. */
    public static final String FILE = "DLL file";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    /** One "name: value" line; values may span several text lines. */
    public record Line(String name, String value) {
    }

    private ProviderFileDescription() {
    }

    /**
     * The lines about a file that was read (or found missing or unreadable), for an entry of {@code catalog}: an
     * image the catalog's processes cannot load is flagged.
     */
    public static List<Line> of(ProviderFileDetails details, Bitness catalog) {
        return describe(details, Optional.of(catalog));
    }

    /** The lines about a file on its own, not named by a catalog. */
    public static List<Line> of(ProviderFileDetails details) {
        return describe(details, Optional.empty());
    }

    private static List<Line> describe(ProviderFileDetails details, Optional<Bitness> catalog) {
        List<Line> lines = new ArrayList<>();
        if (details.facts().isEmpty()) {
            lines.add(new Line(FILE, details.problem().orElse("not read")));
            lines.add(new Line("Signature status", details.trust()));
            return lines;
        }
        PeFileFacts facts = details.facts().get();
        lines.add(new Line(FILE, details.resolvedPath() + "\n" + facts.imageKind()
                + catalog.map(c -> bitnessNote(facts, c)).orElse("")));
        Optional<VersionInfo> version = facts.version();
        String none = version.isEmpty() ? "no version resource" : "not in the version resource";
        lines.add(new Line("File version", version.map(ProviderFileDescription::version).orElse(none)));
        lines.add(new Line("File description", version.flatMap(VersionInfo::fileDescription).orElse(none)));
        lines.add(new Line("Company", version.flatMap(VersionInfo::companyName).orElse(none)));
        lines.add(new Line("Product", version.flatMap(VersionInfo::productName).orElse(none)));
        lines.add(new Line("Original file name", version.flatMap(VersionInfo::originalFilename).orElse(none)));
        lines.add(new Line("Signer", facts.signature().map(s -> signer(s.signer())).orElse("not signed")));
        lines.add(new Line("Signature status", facts.signature().map(ProviderFileDescription::checks)
                .orElse("no embedded signature") + "\ntrust: " + details.trust()));
        return lines;
    }

    /** One line per offline check of the file's own bytes; the chain is the trust line's matter. */
    private static String checks(AuthenticodeSignature signature) {
        return Stream.of(signature.imageDigest(), signature.signerSignature()).map(Check::detail)
                .collect(Collectors.joining("\n"));
    }

    /** "0.1.0.0 (FileVersion \"0.1.0\")" */
    private static String version(VersionInfo info) {
        String fixed = info.fileVersion().orElse("no fixed version");
        return info.fileVersionText().filter(text -> !text.equals(fixed))
                .map(text -> fixed + " (FileVersion \"" + text + "\")").orElse(fixed);
    }

    private static String signer(SignerCertificate signer) {
        return signer.displayName() + "\nsubject " + signer.subject() + "\nissuer " + signer.issuer()
                + "\nvalid " + DAY.format(signer.notBefore()) + " to " + DAY.format(signer.notAfter())
                + ", serial " + signer.serialNumber();
    }

    /** A warning when the image cannot be loaded by processes of the catalog's bitness. */
    private static String bitnessNote(PeFileFacts facts, Bitness catalog) {
        int bits = facts.machine().bits();
        int expected = catalog == Bitness.X64 ? 64 : 32;
        return bits == 0 || bits == expected ? "" : " — a " + bits + "-bit image in the " + catalog.label()
                + " catalog: its processes cannot load it";
    }
}
