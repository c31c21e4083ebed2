package dev.wpuscope.catalog.known;

import java.util.UUID;

/**
 * A provider GUID of one of a product's catalog entries.
 *
 * @param guid   the GUID
 * @param entry  which entry carries it, e.g. "layered entry LavasoftLSP" or "chain over MSAFD Tcpip [TCP/IP]"
 * @param source the page that shows it
 */
public record KnownGuid(UUID guid, String entry, String source) {
}
