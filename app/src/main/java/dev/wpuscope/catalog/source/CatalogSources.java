package dev.wpuscope.catalog.source;

import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.snapshot.SnapshotFormat;
import dev.wpuscope.catalog.source.reg.RegExportFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The catalog file formats wpuscope reads, and the choice of one by a file's content (never its name). */
public final class CatalogSources {

    /** How many bytes of a file the formats look at to recognize it. */
    public static final int HEAD_SIZE = 4096;

    /** Every registered format, asked in this order (most specific first; free text such as netsh last). */
    public static final List<CatalogFormat> FORMATS = List.of(
            new SnapshotFormat(),
            new RegExportFormat(),
            new NetshCatalogFormat());

    private CatalogSources() {
    }

    /** Reads a catalog file of any registered format. */
    public static CatalogSnapshot read(Path file) throws CatalogReadException {
        return detect(file).read(file);
    }

    /** The format whose {@link CatalogFormat#recognizes} accepts the file's first bytes. */
    public static CatalogFormat detect(Path file) throws CatalogReadException {
        byte[] head = FileBytes.head(file, HEAD_SIZE);
        for (CatalogFormat format : FORMATS) {
            if (format.recognizes(head)) {
                return format;
            }
        }
        String formats = FORMATS.stream().map(CatalogFormat::name).collect(Collectors.joining(", "));
        throw new CatalogReadException(file + ": " + (head.length == 0 ? "the file is empty" : "not a catalog file"
                + " wpuscope knows") + " (it reads: " + formats + ")");
    }
}
