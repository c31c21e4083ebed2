package dev.wpuscope.trace.analysis;

import static dev.wpuscope.trace.model.Upcall.WPU_CREATE_EVENT;
import static dev.wpuscope.trace.model.Upcall.WPU_SET_EVENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.trace.model.EndReason;
import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.TraceRecord.UpcallEvent;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TraceStatisticsTest {

    @Test
    void countsPerUpcallAndProcess() {
        TraceStatistics s = TraceScript.started()
                .call(WPU_CREATE_EVENT, 0x1a4)
                .call(WPU_SET_EVENT, 1, 0x1a4)
                .fail(WPU_SET_EVENT, 6, 0x1a4)
                .goodbye()
                .feed(new TraceStatistics());
        assertEquals(List.of(new UpcallCount(WPU_CREATE_EVENT, 1, 0), new UpcallCount(WPU_SET_EVENT, 2, 1)),
                s.upcalls());
        ProcessSummary p = s.processes().get(0);
        assertEquals(3, p.upcalls());
        assertEquals(1, p.failedUpcalls());
        assertEquals(3, p.loadSessions().get(0).emitted());
        assertTrue(p.ended());
        assertEquals("C:\\app.exe", p.image());
        assertEquals(6, s.records());
        assertEquals(List.of(), s.findings());
    }

    @Test
    void tracerProblemsBecomeFindings() {
        TraceScript script = TraceScript.started()
                .call(WPU_CREATE_EVENT, 0x1a4)
                .add(new TraceRecord.ProviderLoaded(0, TraceScript.PID, 0, 2001, new UUID(0, 1), 0, 1001,
                        new UUID(0, 2), 0, 0, 8, "chain", "C:\\lower.dll"))
                .add(new TraceRecord.Drops(0, TraceScript.PID, 0, 2, 2))
                .add(new TraceRecord.TracerMessage(0, TraceScript.PID, 0, 3, 11, "oops"))
                .add(new UpcallEvent(0, TraceScript.PID, 9, 42, 1, 0, 0, 0, 0, 0, 0, 0, new long[0], ""))
                .add(new UpcallEvent(0, TraceScript.PID, 10, 42, 1, 0, 0, 0, 0, 0, 0, 0, new long[0], ""))
                .add(new TraceRecord.ProcessGoodbye(0, TraceScript.PID, 0, 9, 2, null));
        TraceStatistics s = script.feed(new TraceStatistics());
        assertEquals(List.of(FindingKind.TRACER_PASS_THROUGH, FindingKind.EVENTS_DROPPED, FindingKind.TRACER_MESSAGE,
                FindingKind.UNKNOWN_UPCALL, FindingKind.EVENTS_UNACCOUNTED), TraceScript.kinds(s));
        assertTrue(s.findings().get(0).message().contains("IAT_HOOK_FAILED (8)"), s.findings().get(0).message());
        assertEquals(Finding.Severity.ERROR, s.findings().get(2).severity());
        assertEquals("the tracer emitted 9 events, 3 arrived and 2 were reported dropped: 4 unaccounted",
                s.findings().get(4).message());
        assertEquals(Map.of(42, 2L), s.unknownUpcalls());
        assertEquals(2, s.droppedTotal());
    }

    @Test
    void aChainThatCannotStartIsAnErrorSayingWhatApplicationsGet() {
        UUID lower = UUID.fromString("11111111-2222-3333-4444-555555555555");
        TraceStatistics s = TraceScript.startedSession()
                .add(new TraceRecord.ProviderLoaded(0, TraceScript.PID, 0, 2001, new UUID(0, 1), 0, 1101, lower, 0,
                        126, 4, "wputrace over [TCP]", "C:\\x\\lower.dll"))
                .add(new TraceRecord.ProviderLoaded(0, TraceScript.PID, 0, 2002, new UUID(0, 1), 0, 1102, lower, 0,
                        0, 12, "wputrace over [UDP]", "C:\\x\\lower.dll"))
                .add(new TraceRecord.ProviderLoaded(0, TraceScript.PID, 0, 2003, new UUID(0, 1), 0, 1103, lower, 0,
                        10091, 6, "wputrace over [RAW]", "C:\\x\\lower.dll"))
                .add(new TraceRecord.ProviderLoaded(0, TraceScript.PID, 0, 2004, new UUID(0, 1), 0, 1104, lower, 0,
                        0, 9, "wputrace over [IPX]", "C:\\x\\lower.dll"))
                .goodbye(EndReason.STARTUP_FAILED)
                .feed(new TraceStatistics());
        assertEquals(List.of(FindingKind.CHAIN_CANNOT_START, FindingKind.CHAIN_CANNOT_START,
                FindingKind.CHAIN_CANNOT_START, FindingKind.TRACER_PASS_THROUGH), TraceScript.kinds(s));
        assertEquals(Finding.Severity.ERROR, s.findings().get(0).severity());
        assertEquals("next provider 1101 {11111111-2222-3333-4444-555555555555} C:\\x\\lower.dll could not be loaded"
                + " (LOAD_FAILED, error 126); applications get 10106 WSAEPROVIDERFAILEDINIT (catalog entry 2001,"
                + " wputrace over [TCP])", s.findings().get(0).message());
        assertTrue(s.findings().get(1).message().contains("left entries of its WSPPROC_TABLE NULL"
                + " (INVALID_PROC_TABLE); applications get 10104 WSAEINVALIDPROCTABLE"), s.findings().get(1).message());
        assertTrue(s.findings().get(2).message().contains("(LOWER_STARTUP_FAILED); applications get 10091"),
                s.findings().get(2).message());
        assertEquals(Finding.Severity.WARNING, s.findings().get(3).severity());
        assertEquals(4, s.processes().get(0).loadSessions().get(0).providers().size());
    }

    @Test
    void helloesOfOneProcessAreItsLoadSessionsEachWithItsOwnBooks() {
        TraceStatistics s = TraceScript.startedSession()
                .call(WPU_CREATE_EVENT, 0x1a4)
                .goodbye(EndReason.CLEANUP)
                .loadSession(2)
                .call(WPU_CREATE_EVENT, 0x1a4)
                .fail(WPU_SET_EVENT, 6, 0x1a4)
                .goodbye(EndReason.CLEANUP)
                .loadSession(3)
                .goodbye(EndReason.PROCESS_EXIT)
                .feed(new TraceStatistics());
        assertEquals(List.of(), s.findings(), "books hold per load session, sequence numbers restart");
        assertEquals(1, s.processes().size());
        ProcessSummary p = s.processes().get(0);
        assertEquals(List.of(1, 2, 3), p.loadSessions().stream().map(LoadSessionSummary::number).toList());
        assertEquals(List.of(1L, 2L, 0L), p.loadSessions().stream().map(LoadSessionSummary::upcalls).toList());
        assertEquals(3, p.upcalls());
        assertEquals(1, p.failedUpcalls());
        assertEquals("2 ended at WSPCleanup, 1 at process exit", p.endings());
        assertEquals("ended at WSPCleanup (2 emitted)", p.loadSessions().get(1).end());
    }

    @Test
    void booksThatDoNotHoldInOneLoadSessionAreReportedForIt() {
        TraceScript script = TraceScript.startedSession().call(WPU_CREATE_EVENT, 0x1a4).goodbye(EndReason.CLEANUP)
                .loadSession(2).call(WPU_CREATE_EVENT, 0x1a4);
        script.add(new TraceRecord.ProcessGoodbye(0, TraceScript.PID, 0, 2, 0, EndReason.PROCESS_EXIT.code()));
        TraceStatistics s = script.feed(new TraceStatistics());
        assertEquals(List.of(FindingKind.EVENTS_UNACCOUNTED), TraceScript.kinds(s));
        assertEquals("the tracer emitted 2 events, 1 arrived and 0 were reported dropped: 1 unaccounted",
                s.findings().get(0).message());
    }

    @Test
    void aPidReusedAfterGoodbyeIsANewProcess() {
        TraceStatistics s = new TraceStatistics();
        s.acceptAll(TraceScript.started().goodbye().records());
        s.acceptAll(TraceScript.started().call(WPU_CREATE_EVENT, 1).records());
        assertEquals(2, s.processes().size());
        assertTrue(s.processes().get(0).ended());
        assertFalse(s.processes().get(1).ended());
        assertEquals(1, s.processes().get(1).upcalls());
    }
}
