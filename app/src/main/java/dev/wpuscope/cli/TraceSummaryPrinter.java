package dev.wpuscope.cli;

import dev.wpuscope.trace.analysis.CallStatistics;
import dev.wpuscope.trace.analysis.Finding;
import dev.wpuscope.trace.analysis.Hex;
import dev.wpuscope.trace.analysis.LoadSessionSummary;
import dev.wpuscope.trace.analysis.ProcessSummary;
import dev.wpuscope.trace.analysis.ProviderConformance;
import dev.wpuscope.trace.analysis.ProviderStart;
import dev.wpuscope.trace.analysis.ResourceState;
import dev.wpuscope.trace.analysis.TraceAnalysis;
import dev.wpuscope.trace.analysis.TracerStatus;
import dev.wpuscope.trace.analysis.TrackedResource;
import dev.wpuscope.trace.analysis.UpcallCount;
import dev.wpuscope.trace.store.SocketLives;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes the text of {@code wpuscope trace summary}. */
final class TraceSummaryPrinter {

    private final PrintWriter out;

    TraceSummaryPrinter(PrintWriter out) {
        this.out = out;
    }

    void print(String capture, TraceAnalysis analysis, List<SocketLives.Socket> sockets, List<String> readProblems) {
        out.printf("Capture %s: %d records%n", capture, analysis.statistics().records());
        out.println(readProblems.isEmpty() ? "No damage." : "Damage and gaps (" + readProblems.size() + "):");
        readProblems.forEach(p -> out.println("  " + p));
        processes(analysis.statistics().processes(), analysis.statistics().droppedTotal());
        out.println();
        out.println("Upcalls:");
        counts(analysis.statistics().upcalls(), "  ", false);
        analysis.statistics().unknownUpcalls().forEach((n, c) -> out.printf("  %-30s %8d%n", "upcall #" + n, c));
        latency(analysis.calls().functions());
        analysis.statistics().unknownDowncalls().forEach((n, c) -> out.printf("  %-30s %8d%n", "downcall #" + n, c));
        providers(analysis.conformance().providers());
        lifecycles(analysis);
        sockets(sockets);
        findings(analysis.findings(), analysis.findingCount());
    }

    private void processes(List<ProcessSummary> processes, long dropped) {
        out.println();
        out.printf("Processes (%d), %d events dropped:%n", processes.size(), dropped);
        for (ProcessSummary p : processes) {
            String bitness = p.hello() == null ? "" : p.hello().bitness() + "-bit, ";
            List<LoadSessionSummary> sessions = p.loadSessions();
            boolean numbered = sessions.get(0).number() > 0;
            out.printf("  pid %d  %s  %s%d upcalls (%d failed), %s%d dropped, %s%n", p.pid(), p.image(), bitness,
                    p.upcalls(), p.failedUpcalls(), downcalls(p.downcalls()), p.droppedTotal(), numbered
                            ? sessions.size() + (sessions.size() == 1 ? " load session (" : " load sessions (")
                                    + p.endings() + ")"
                            : sessions.get(0).end());
            for (LoadSessionSummary s : sessions) {
                String indent = "    ";
                if (numbered) {
                    out.printf("    load session %d: %d upcalls (%d failed), %s%d dropped, %s%n", s.number(),
                            s.upcalls(), s.failedUpcalls(), downcalls(s.downcalls()), s.droppedTotal(), s.end());
                    indent = "      ";
                }
                for (var loaded : s.providers()) {
                    out.println(indent + (TracerStatus.chainCannotStart(loaded.status()) ? "ERROR " : "")
                            + ProviderStart.describe(loaded));
                }
            }
        }
    }

    /** "13 downcalls, " for a 1.2 capture, "" when no downcall was recorded. */
    private static String downcalls(long count) {
        return count == 0 ? "" : count + " downcalls, ";
    }

    /** Count, failures and p50/p99/max duration of every downcall function and upcall called. */
    private void latency(List<CallStatistics.FunctionStatistics> functions) {
        out.println();
        out.println("Latency per function:");
        out.printf("  %-30s %8s %8s %10s %10s %10s%n", "", "calls", "failed", "p50", "p99", "max");
        String kind = null;
        for (CallStatistics.FunctionStatistics f : functions) {
            String next = f.downcall() ? "downcalls" : "upcalls";
            if (!next.equals(kind)) {
                out.println("  " + next + ":");
                kind = next;
            }
            out.printf("    %-28s %8d %8d %10s %10s %10s%n", f.name(), f.calls(), f.failures(), duration(f.p50Nanos()),
                    duration(f.p99Nanos()), duration(f.maxNanos()));
        }
    }

    /** {@code 350 ns}, {@code 1.2 µs}, {@code 12.5 ms}, {@code 2.00 s}. */
    static String duration(long nanos) {
        if (nanos < 1_000) {
            return nanos + " ns";
        }
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
        }
        return nanos < 1_000_000_000 ? String.format(Locale.ROOT, "%.1f ms", nanos / 1e6)
                : String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    private void counts(List<UpcallCount> counts, String indent, boolean withRequirement) {
        for (UpcallCount c : counts) {
            out.printf("%s%-30s %8d%s%s%n", indent, c.upcall().apiName(), c.calls(),
                    c.failures() > 0 ? "  (" + c.failures() + " failed)" : "",
                    withRequirement ? "  [" + c.requirement().label() + "]" : "");
        }
    }

    private void providers(List<ProviderConformance> providers) {
        out.println();
        out.printf("Providers (%d):%n", providers.size());
        for (ProviderConformance p : providers) {
            out.printf("  %s: %d calls, %s, %d findings%n", p.provider(), p.totalCalls(), p.ifs().describe(),
                    p.findings().size());
            counts(p.usage(), "      ", true);
        }
    }

    private void lifecycles(TraceAnalysis analysis) {
        out.println();
        out.println("Handles:");
        lifecycle("socket handles", analysis.handles().handles().stream().map(h -> h.lifecycle()).toList());
        lifecycle("events", analysis.events().events());
        lifecycle("thread handles", analysis.threads().threads());
        out.printf("  %d APCs queued, %d messages posted to %d sockets, %d overlapped completions on %d sockets,"
                        + " %d threads asked for their blocking callback%n",
                analysis.threads().apcCount(), analysis.postedMessages().messageCount(),
                analysis.postedMessages().sockets().size(), analysis.overlapped().completionCount(),
                analysis.overlapped().perSocket().size(), analysis.blockingCallbacks().threads().size());
    }

    /** Every socket's life, when the capture has downcalls (1.2): an upcall-only capture's handles are above. */
    private void sockets(List<SocketLives.Socket> sockets) {
        if (sockets.stream().allMatch(s -> s.downcalls() == 0)) {
            return;
        }
        out.println();
        out.printf("Sockets (%d):%n", sockets.size());
        for (SocketLives.Socket s : sockets) { // concatenated, not formatted: a capture can have 100,000 sockets
            out.println("  pid " + s.pid() + (s.loadSession() > 0 ? " session " + s.loadSession() : "") + "  "
                    + Hex.of(s.socket()) + "  "
                    + (s.notASocket() ? SocketLives.Socket.NOT_A_SOCKET
                            : (s.createdBy().isEmpty() ? "created before the capture" : "created by " + s.createdBy())
                                    + "  " + s.state().label())
                    + ", " + s.downcalls() + " downcalls, " + s.upcalls() + " upcalls, "
                    + s.failures() + " failed" + (s.afterClose() > 0 ? ", " + s.afterClose() + " after close" : "")
                    + "  " + s.provider());
        }
    }

    private void lifecycle(String what, List<TrackedResource> resources) {
        Map<ResourceState, Long> byState = resources.stream()
                .collect(Collectors.groupingBy(TrackedResource::state, () -> new EnumMap<>(ResourceState.class),
                        Collectors.counting()));
        out.printf("  %-15s %6d%s%n", what, resources.size(), byState.isEmpty() ? "" : ": " + byState.entrySet()
                .stream()
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", ")));
    }

    private void findings(List<Finding> findings, long count) {
        out.println();
        Map<Finding.Severity, Long> bySeverity = findings.stream()
                .collect(Collectors.groupingBy(Finding::severity, () -> new EnumMap<>(Finding.Severity.class),
                        Collectors.counting()));
        out.printf("Findings (%d%s):%n", findings.size(), bySeverity.isEmpty() ? "" : ": " + bySeverity.entrySet()
                .stream()
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")));
        if (count > findings.size()) {
            out.printf("  (%d found in all; each analyzer lists its first 100,000)%n", count);
        }
        for (Finding f : findings) {
            out.printf("  %-7s offset %-8d pid %-6d %s: %s [%s]%n", f.severity(), f.offset(), f.pid(),
                    f.kind().label(), f.message(), f.provider());
        }
    }
}
