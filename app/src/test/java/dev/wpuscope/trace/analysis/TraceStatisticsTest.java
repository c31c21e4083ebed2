package dev.wpuscope.trace.analysis;

import static dev.wpuscope.trace.model.Upcall.WPU_CREATE_EVENT;
import static dev.wpuscope.trace.model.Upcall.WPU_SET_EVENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals(3, p.emitted());
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
                        new UUID(0, 2), 0, 0, 4, "chain", "C:\\missing.dll"))
                .add(new TraceRecord.Drops(0, TraceScript.PID, 0, 2, 2))
                .add(new TraceRecord.TracerMessage(0, TraceScript.PID, 0, 3, 11, "oops"))
                .add(new UpcallEvent(0, TraceScript.PID, 9, 42, 1, 0, 0, 0, 0, 0, 0, 0, new long[0], ""))
                .add(new UpcallEvent(0, TraceScript.PID, 10, 42, 1, 0, 0, 0, 0, 0, 0, 0, new long[0], ""))
                .add(new TraceRecord.ProcessGoodbye(0, TraceScript.PID, 0, 9, 2, null));
        TraceStatistics s = script.feed(new TraceStatistics());
        assertEquals(List.of(FindingKind.TRACER_PASS_THROUGH, FindingKind.EVENTS_DROPPED, FindingKind.TRACER_MESSAGE,
                FindingKind.UNKNOWN_UPCALL, FindingKind.EVENTS_UNACCOUNTED), TraceScript.kinds(s));
        assertTrue(s.findings().get(0).message().contains("LOAD_FAILED (4)"));
        assertEquals(Finding.Severity.ERROR, s.findings().get(2).severity());
        assertEquals("the tracer emitted 9 events, 3 arrived and 2 were reported dropped: 4 unaccounted",
                s.findings().get(4).message());
        assertEquals(Map.of(42, 2L), s.unknownUpcalls());
        assertEquals(2, s.droppedTotal());
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
