package dev.wpuscope.ui.catalogview;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.pe.AuthenticodeSignature;
import dev.wpuscope.catalog.pe.PeFileFacts;
import dev.wpuscope.catalog.pe.SignerCertificate;
import dev.wpuscope.catalog.pe.VersionInfo;
import dev.wpuscope.platform.ProviderFileDetails;
import dev.wpuscope.ui.DetailRow;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The detail-pane rows about an entry's DLL file: its version resource, signer and signature status when the
 * file is on this machine; otherwise one row saying why not (or that it is still being read).
 */
public final class DllDetails {
    static final String FILE = "DLL file";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private DllDetails() {
    }

    /** The one row shown when the file cannot be read here. */
    public static List<DetailRow> unavailable(String reason) {
        return List.of(new DetailRow(FILE, reason));
    }

    /** The one row shown while the file is read in the background. */
    public static List<DetailRow> reading(String storedPath) {
        return List.of(new DetailRow(FILE, "reading version and signature of " + storedPath + " …"));
    }

    /** Rows for a file that was read (or found missing or unreadable) on this machine. */
    public static List<DetailRow> of(ProviderFileDetails details, Bitness catalog) {
        List<DetailRow> rows = new ArrayList<>();
        if (details.facts().isEmpty()) {
            rows.add(new DetailRow(FILE, details.problem().orElse("not read")));
            rows.add(new DetailRow("Signature status", details.trust()));
            return rows;
        }
        PeFileFacts facts = details.facts().get();
        rows.add(new DetailRow(FILE, details.resolvedPath() + "\n" + facts.imageKind() + bitnessNote(facts, catalog)));
        Optional<VersionInfo> version = facts.version();
        String none = version.isEmpty() ? "no version resource" : "not in the version resource";
        rows.add(new DetailRow("File version", version.map(DllDetails::version).orElse(none)));
        rows.add(new DetailRow("File description", version.flatMap(VersionInfo::fileDescription).orElse(none)));
        rows.add(new DetailRow("Company", version.flatMap(VersionInfo::companyName).orElse(none)));
        rows.add(new DetailRow("Product", version.flatMap(VersionInfo::productName).orElse(none)));
        rows.add(new DetailRow("Original file name", version.flatMap(VersionInfo::originalFilename).orElse(none)));
        rows.add(new DetailRow("Signer", facts.signature().map(s -> signer(s.signer())).orElse("not signed")));
        rows.add(new DetailRow("Signature status", facts.signature().map(AuthenticodeSignature::summary)
                .orElse("no embedded signature") + "\nWindows: " + details.trust()));
        return rows;
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
