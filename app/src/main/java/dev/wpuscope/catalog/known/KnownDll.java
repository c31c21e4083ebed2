package dev.wpuscope.catalog.known;

/**
 * A provider DLL a product installs.
 *
 * @param fileName the file name without a path, e.g. {@code LavasoftTcpService64.dll}
 * @param bitness  the catalog it was seen in: {@code x64} or {@code x86}
 * @param source   the page that shows it
 */
public record KnownDll(String fileName, String bitness, String source) {
}
