package dev.wpuscope.trace.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wpuscope.trace.analysis.CallStatistics.FunctionStatistics;
import dev.wpuscope.trace.model.Downcall;
import dev.wpuscope.trace.model.Upcall;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Latency per function: nearest-rank percentiles over every call, whatever order the durations came in. */
class CallStatisticsTest {

    @Test
    void percentilesByNearestRankInNanoseconds() {
        TraceScript script = TraceScript.startedSpi();
        for (int i = 0; i < 100; i++) {
            long ticks = (i * 37) % 100 + 1; // 1..100 ticks (100 ns each) in a scrambled order
            script.at(10_000 + i * 200, ticks);
            if (i % 10 == 0) {
                script.downcall(Downcall.WSP_RECV, i + 1, 0x2C8, -1, 10054, 0, 1, 512, 0, 0, 0, 0, 0);
            } else {
                script.down(Downcall.WSP_RECV, i + 1, 0x2C8, 1, 512, 100, 0, 0, 0, 0);
            }
        }
        script.at(50_000, 3).call(Upcall.WPU_POST_MESSAGE, 1, 0x10, 0x401, 0x2C8, 1);
        CallStatistics stats = script.feed(new CallStatistics());
        assertEquals(List.of(new FunctionStatistics("WSPRecv", true, 100, 10, 5_000, 9_900, 10_000),
                new FunctionStatistics("WPUPostMessage", false, 1, 0, 300, 300, 300)), stats.functions());
    }
}
