package dev.wpuscope.trace.analysis;

import static dev.wpuscope.trace.model.Upcall.WPU_CLOSE_SOCKET_HANDLE;
import static dev.wpuscope.trace.model.Upcall.WPU_CREATE_EVENT;
import static dev.wpuscope.trace.model.Upcall.WPU_CREATE_SOCKET_HANDLE;
import static dev.wpuscope.trace.model.Upcall.WPU_MODIFY_IFS_HANDLE;
import static dev.wpuscope.trace.model.Upcall.WPU_QUERY_BLOCKING_CALLBACK;
import static dev.wpuscope.trace.model.Upcall.WPU_QUERY_SOCKET_HANDLE_CONTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.trace.analysis.IfsClassification.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConformanceAnalyzerTest {

    private static final int IFS = 0x20000 | 0x6;
    private static final int NON_IFS = 0x6;
    private static final ServiceFlagsLookup CATALOG = ServiceFlagsLookup.of(Map.of(1001, NON_IFS, 1002, IFS));

    @Test
    void nonIfsProviderFromTheCatalogMustNotModifyIfsHandles() {
        ConformanceAnalyzer a = TraceScript.started()
                .call(WPU_CREATE_SOCKET_HANDLE, 0x2c8, 1001, 7)
                .call(WPU_MODIFY_IFS_HANDLE, 0x2cc, 1001, 0x2cc)
                .call(WPU_MODIFY_IFS_HANDLE, 0x2d0, 1001, 0x2d0)
                .feed(new ConformanceAnalyzer(CATALOG, List.of()));
        ProviderConformance p = a.providers().get(0);
        assertEquals(Kind.NON_IFS, p.ifs().kind());
        assertTrue(p.ifs().fromCatalog());
        assertEquals("non-IFS (catalog entry 1001 lacks XP1_IFS_HANDLES)", p.ifs().describe());
        assertEquals(List.of(FindingKind.IFS_MISMATCH), TraceScript.kinds(a));
        assertTrue(a.findings().get(0).message().contains("called WPUModifyIFSHandle"));
        assertEquals(List.of(new UpcallCount(WPU_CREATE_SOCKET_HANDLE, 1, 0), new UpcallCount(WPU_MODIFY_IFS_HANDLE, 2, 0)),
                p.usage());
        assertEquals(UpcallRequirement.REQUIRED_FOR_IFS, p.usage().get(1).requirement());
    }

    @Test
    void ifsProviderFromTheCatalogMustNotCreateOrQuerySocketHandles() {
        ConformanceAnalyzer a = TraceScript.started()
                .call(WPU_MODIFY_IFS_HANDLE, 0x2c8, 1002, 0x2c8)
                .call(WPU_CREATE_SOCKET_HANDLE, 0x2cc, 1002, 7)
                .call(WPU_QUERY_SOCKET_HANDLE_CONTEXT, 0, 0x2cc, 7)
                .feed(new ConformanceAnalyzer(CATALOG, List.of()));
        assertEquals(Kind.IFS, a.providers().get(0).ifs().kind());
        assertEquals(List.of(FindingKind.IFS_MISMATCH, FindingKind.IFS_MISMATCH), TraceScript.kinds(a));
    }

    @Test
    void providerLoadedLinksTheModuleToItsCatalogEntry() {
        ConformanceAnalyzer a = TraceScript.started()
                .module(2, "C:\\base\\ifs.dll")
                .providerLoaded(2, 3000, 1002)
                .from(2).call(WPU_QUERY_BLOCKING_CALLBACK, 0, 3000, 0, 0)
                .call(WPU_CREATE_SOCKET_HANDLE, 0x2c8, 9999, 7)
                .feed(new ConformanceAnalyzer(CATALOG, List.of()));
        ProviderConformance p = a.providers().get(0);
        assertEquals("C:\\base\\ifs.dll", p.provider());
        assertEquals("IFS (catalog entry 1002 has XP1_IFS_HANDLES)", p.ifs().describe());
        assertEquals(List.of(FindingKind.IFS_MISMATCH), TraceScript.kinds(a));
    }

    @Test
    void withoutCatalogTheKindIsInferred() {
        ConformanceAnalyzer a = TraceScript.started()
                .module(2, "C:\\lsp\\ifs.dll")
                .module(3, "C:\\lsp\\quiet.dll")
                .call(WPU_CREATE_SOCKET_HANDLE, 0x2c8, 1001, 7)
                .from(2).call(WPU_MODIFY_IFS_HANDLE, 0x2cc, 1002, 0x2cc)
                .from(3).call(WPU_CREATE_EVENT, 0x1a4)
                .feed(new ConformanceAnalyzer());
        List<ProviderConformance> providers = a.providers();
        assertEquals(List.of("non-IFS (inferred: calls WPUCreateSocketHandle/WPUQuerySocketHandleContext)",
                        "IFS (inferred: calls WPUModifyIFSHandle)", "undetermined (inferred: no socket-handle upcall seen)"),
                providers.stream().map(p -> p.ifs().describe()).toList());
        providers.forEach(p -> assertFalse(p.ifs().fromCatalog()));
        assertEquals(List.of(), a.findings());
    }

    @Test
    void usingBothKindsIsReportedOnceWhenInferred() {
        ConformanceAnalyzer a = TraceScript.started()
                .call(WPU_CREATE_SOCKET_HANDLE, 0x2c8, 1001, 7)
                .call(WPU_MODIFY_IFS_HANDLE, 0x2cc, 1001, 0x2cc)
                .call(WPU_MODIFY_IFS_HANDLE, 0x2d0, 1001, 0x2d0)
                .feed(new ConformanceAnalyzer());
        assertEquals(Kind.MIXED, a.providers().get(0).ifs().kind());
        assertEquals(List.of(FindingKind.IFS_MISMATCH), TraceScript.kinds(a));
    }

    @Test
    void reportCarriesTheLifecycleFindingsOfEachProvider() {
        TraceAnalysis analysis = TraceScript.started()
                .module(2, "C:\\lsp\\other.dll")
                .call(WPU_CREATE_SOCKET_HANDLE, 0x2c8, 1001, 7)
                .from(2).call(WPU_CREATE_SOCKET_HANDLE, 0x2cc, 1001, 8)
                .call(WPU_CLOSE_SOCKET_HANDLE, 0, 0x2cc)
                .call(WPU_CLOSE_SOCKET_HANDLE, -1, 0x2cc)
                .goodbye()
                .feed(new TraceAnalysis());
        List<ProviderConformance> providers = analysis.conformance().providers();
        assertEquals(List.of(FindingKind.LEAKED), providers.get(0).findings().stream().map(Finding::kind).toList());
        assertEquals(List.of(FindingKind.CLOSED_TWICE),
                providers.get(1).findings().stream().map(Finding::kind).toList());
        assertEquals(3, providers.get(1).totalCalls());
    }
}
