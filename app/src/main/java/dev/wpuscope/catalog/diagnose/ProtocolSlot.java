package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.model.ProtocolInfo;

/**
 * What an application asks socket() for: address family, socket type and protocol. {@code null} when the
 * source lacks one of them.
 */
record ProtocolSlot(int addressFamily, int socketType, int protocol) {

    static ProtocolSlot of(ProtocolInfo info) {
        if (info.addressFamily() == null || info.socketType() == null || info.protocol() == null) {
            return null;
        }
        return new ProtocolSlot(info.addressFamily(), info.socketType(), info.protocol());
    }
}
