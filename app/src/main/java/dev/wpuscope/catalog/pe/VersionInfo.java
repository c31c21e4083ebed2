package dev.wpuscope.catalog.pe;

import java.util.Map;
import java.util.Optional;

/**
 * What a VS_VERSIONINFO resource says about a file: the fixed (binary) file and product versions and the
 * strings of its first StringFileInfo table.
 *
 * @param fileVersion    VS_FIXEDFILEINFO's file version as "a.b.c.d", when the resource has one
 * @param productVersion VS_FIXEDFILEINFO's product version as "a.b.c.d", when the resource has one
 * @param strings        the StringFileInfo values by name (CompanyName, FileDescription, ...), in file order
 */
public record VersionInfo(Optional<String> fileVersion, Optional<String> productVersion, Map<String, String> strings) {

    public VersionInfo {
        strings = Map.copyOf(strings);
    }

    public Optional<String> string(String name) {
        return Optional.ofNullable(strings.get(name)).filter(v -> !v.isBlank());
    }

    public Optional<String> companyName() {
        return string("CompanyName");
    }

    public Optional<String> fileDescription() {
        return string("FileDescription");
    }

    /** The FileVersion string (may differ from the fixed version, e.g. carry a build tag). */
    public Optional<String> fileVersionText() {
        return string("FileVersion");
    }

    public Optional<String> productName() {
        return string("ProductName");
    }

    public Optional<String> originalFilename() {
        return string("OriginalFilename");
    }
}
