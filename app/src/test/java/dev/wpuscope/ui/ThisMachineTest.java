package dev.wpuscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.model.SourceKind;
import dev.wpuscope.platform.PipeTransport;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The platform services chosen at start-up: the live catalog and the tracer pipe exist only on Windows. */
class ThisMachineTest {

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void elsewhereThereIsNoLiveCatalogNorPipe() throws Exception {
        ThisMachine machine = ThisMachine.detect();
        Sources sources = new Sources(machine);

        assertFalse(sources.hasLiveCatalog());
        assertFalse(sources.hasTracerPipe());
        assertTrue(machine.tracer().unavailableReason().orElseThrow().contains("only on Windows"));
        Exception refused = assertThrows(Exception.class,
                () -> sources.listenOnTracerPipe(problem -> { }));
        assertEquals("The tracer pipe exists only on Windows.", refused.getMessage());
    }

    @Test
    void aCatalogFileSaysItsDllsAreOnTheCustomersMachine() throws Exception {
        Sources.OpenedCatalog opened = new Sources(ThisMachine.detect()).readCatalog(ExampleFiles.exampleCatalog());
        assertTrue(opened.files().unavailableReason().orElseThrow().startsWith(
                "offline catalog: the DLL is on the customer's machine"));
    }

    @Test
    @Tag("windows")
    @EnabledOnOs(OS.WINDOWS)
    void onWindowsTheLiveCatalogIsReadAndThePipeOpens() throws Exception {
        ThisMachine machine = ThisMachine.detect();
        Sources sources = new Sources(machine);

        assertTrue(sources.hasLiveCatalog());
        Sources.OpenedCatalog live = sources.readLiveCatalog();
        assertEquals(SourceKind.LIVE, live.snapshot().kind());
        assertFalse(live.snapshot().catalogs().isEmpty());
        assertTrue(live.files().unavailableReason().isEmpty(), "the live catalog's DLLs are on this machine");
        try (PipeTransport pipe = machine.pipe().orElseThrow().open()) {
            assertNull(pipe.accept(Duration.ofMillis(10)), "no tracer connects in 10 ms");
        }
    }
}
