package dev.wpuscope.trace.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wpuscope.trace.model.TraceRecord;
import org.junit.jupiter.api.Test;

class ModuleDirectoryTest {

    @Test
    void namesModulesPerProcessAndForgetsThemWhenAProcessStartsAgain() {
        ModuleDirectory modules = new ModuleDirectory();
        assertEquals("(module #1, not announced)", modules.providerName(7, 1));
        modules.accept(new TraceRecord.Module(0, 7, 1, 0x1000, 0x100, "C:\\a.dll"));
        assertEquals("C:\\a.dll", modules.providerName(7, 1));
        assertEquals("C:\\a.dll", modules.providerName(7, 1));
        assertEquals("(module #1, not announced)", modules.providerName(8, 1));
        assertEquals(ModuleDirectory.UNKNOWN_MODULE, modules.providerName(7, 0));
        modules.accept(new TraceRecord.ProcessHello(0, 7, 1, 64, 0, 1, 0, 0, "b.exe", "", null));
        assertEquals("(module #1, not announced)", modules.providerName(7, 1));
    }
}
