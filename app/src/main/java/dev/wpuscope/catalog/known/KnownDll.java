package dev.wpuscope.catalog.known;

/**
 * A provider DLL a product installs.
 *
 * @param fileName the file name without a path, e.g. {@code LavasoftTcpService64.dll}
 * @param bitness  the catalog the source shows it in: {@code x64}, {@code x86}, or {@code unstated} when the
 *                 source does not say
 * @param source   the page that shows it
 */
public record KnownDll(String fileName, String bitness, String source) {
}
