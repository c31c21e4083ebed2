package dev.wpuscope.catalog.known;

/**
 * The name a product's layered entry has in the catalog (szProtocol).
 *
 * @param name   e.g. {@code LavasoftLSP}
 * @param source the page that shows it
 */
public record KnownName(String name, String source) {
}
