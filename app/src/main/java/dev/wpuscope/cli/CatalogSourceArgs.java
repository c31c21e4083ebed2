package dev.wpuscope.cli;

import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.source.CatalogReadException;
import dev.wpuscope.catalog.source.CatalogSources;
import dev.wpuscope.platform.LiveCatalogSource;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Where a command reads a catalog from: a file of any known format, or {@code --live} on Windows. */
final class CatalogSourceArgs {

    @Parameters(paramLabel = "<source>", description = "A catalog file: a .reg export of the WinSock2 key,"
            + " netsh winsock show catalog output or a wpuscope snapshot (.json); the format is detected from"
            + " the content.")
    Path file;

    @Option(names = "--live", description = "Read this machine's catalog (Windows only).")
    boolean live;

    CatalogSnapshot load() throws CatalogReadException {
        if (live) {
            return LiveCatalogSource.forThisMachine().orElseThrow(() -> new CatalogReadException(
                    "--live reads the catalog of the Windows machine wpuscope runs on, and this is "
                            + System.getProperty("os.name") + "; on the Windows machine run: reg export"
                            + " HKLM\\SYSTEM\\CurrentControlSet\\Services\\WinSock2 winsock2.reg"
                            + " and open that file")).read();
        }
        return CatalogSources.read(file);
    }
}
