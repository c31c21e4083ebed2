package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.model.ProtocolInfo;
import dev.wpuscope.catalog.model.ServiceFlag;

/** Whether an entry hands out IFS handles (XP1_IFS_HANDLES), with "unknown" when the source has no flags. */
final class Ifs {

    private Ifs() {
    }

    /** {@code TRUE}/{@code FALSE}, or {@code null} when dwServiceFlags1 is unknown. */
    static Boolean handles(ProtocolInfo info) {
        return info.serviceFlags1() == null ? null : info.hasServiceFlag(ServiceFlag.IFS_HANDLES);
    }
}
