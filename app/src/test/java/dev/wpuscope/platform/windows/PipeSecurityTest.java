package dev.wpuscope.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PipeSecurityTest {

    @Test
    void deniesNetworkThenAllowsSystemAdministratorsAndTheUser() {
        assertEquals("D:P(D;;GA;;;NU)(A;;GA;;;SY)(A;;GA;;;BA)(A;;GA;;;S-1-5-21-1004336348-1177238915-682003330-1001)",
                PipeSecurity.sddl("S-1-5-21-1004336348-1177238915-682003330-1001"));
    }

    @Test
    void refusesWhatIsNotASid() {
        assertThrows(IllegalArgumentException.class, () -> PipeSecurity.sddl("WD)(A;;GA;;;WD"));
        assertThrows(IllegalArgumentException.class, () -> PipeSecurity.sddl(""));
    }
}
