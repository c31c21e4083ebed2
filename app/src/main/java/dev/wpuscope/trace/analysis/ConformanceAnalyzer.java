package dev.wpuscope.trace.analysis;

import dev.wpuscope.catalog.model.ServiceFlag;
import dev.wpuscope.trace.analysis.Finding.Severity;
import dev.wpuscope.trace.analysis.IfsClassification.Kind;
import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.TraceRecord.ProviderLoaded;
import dev.wpuscope.trace.model.TraceRecord.UpcallEvent;
import dev.wpuscope.trace.model.Upcall;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Applies the seed's required/optional table per provider module: which upcalls it used and how often,
 * whether it is an IFS provider (from the catalog when known, else inferred), and the upcalls that do not
 * fit that kind. Its report also carries the lifecycle findings of the analyzers it is given.
 */
public final class ConformanceAnalyzer extends UpcallAnalyzer {

    private static final int IFS_HANDLES = ServiceFlag.IFS_HANDLES.bit();
    private static final String NON_IFS_UPCALLS = "WPUCreateSocketHandle/WPUQuerySocketHandleContext";

    private static final class PerProvider {
        final long[] calls = new long[Upcall.values().length];
        final long[] failures = new long[Upcall.values().length];
        final Set<Integer> entryIds = new LinkedHashSet<>();
        final Set<Upcall> mismatchReported = EnumSet.noneOf(Upcall.class);
        boolean mixedReported;

        boolean usesNonIfsUpcalls() {
            return calls[Upcall.WPU_CREATE_SOCKET_HANDLE.number()] > 0
                    || calls[Upcall.WPU_QUERY_SOCKET_HANDLE_CONTEXT.number()] > 0;
        }

        boolean usesIfsUpcalls() {
            return calls[Upcall.WPU_MODIFY_IFS_HANDLE.number()] > 0;
        }
    }

    private final ServiceFlagsLookup catalog;
    private final List<TraceAnalyzer> lifecycleSources;
    private final Map<String, PerProvider> providers = new LinkedHashMap<>();

    /** Without a catalog and without other analyzers' findings. */
    public ConformanceAnalyzer() {
        this(ServiceFlagsLookup.NONE, List.of());
    }

    /**
     * @param catalog          service flags of catalog entries, {@link ServiceFlagsLookup#NONE} when unknown
     * @param lifecycleSources analyzers whose findings are added to each provider's report (by provider)
     */
    public ConformanceAnalyzer(ServiceFlagsLookup catalog, List<? extends TraceAnalyzer> lifecycleSources) {
        this.catalog = catalog;
        this.lifecycleSources = List.copyOf(lifecycleSources);
    }

    @Override
    protected void onUpcall(UpcallEvent event, String provider) {
        PerProvider p = providers.computeIfAbsent(provider, k -> new PerProvider());
        Upcall upcall = event.upcall();
        p.calls[upcall.number()]++;
        if (event.failed()) {
            p.failures[upcall.number()]++;
        }
        if (upcall == Upcall.WPU_CREATE_SOCKET_HANDLE || upcall == Upcall.WPU_MODIFY_IFS_HANDLE
                || upcall == Upcall.WPU_QUERY_BLOCKING_CALLBACK) {
            p.entryIds.add((int) event.arg(0));
        }
        checkIfsKind(event, provider, p);
    }

    @Override
    protected void onRecord(TraceRecord record) {
        if (record instanceof ProviderLoaded loaded && loaded.nextModuleId() != 0) {
            PerProvider p = providers.computeIfAbsent(providerName(loaded.pid(), loaded.nextModuleId()),
                    k -> new PerProvider());
            if (loaded.nextEntryId() != 0) {
                p.entryIds.add(loaded.nextEntryId());
            }
            p.entryIds.add(loaded.servedEntryId());
        }
    }

    private void checkIfsKind(UpcallEvent event, String provider, PerProvider p) {
        IfsClassification ifs = classify(p);
        Upcall upcall = event.upcall();
        boolean misfit = switch (ifs.kind()) {
            case NON_IFS -> upcall == Upcall.WPU_MODIFY_IFS_HANDLE;
            case IFS -> upcall == Upcall.WPU_CREATE_SOCKET_HANDLE || upcall == Upcall.WPU_QUERY_SOCKET_HANDLE_CONTEXT;
            case MIXED, UNDETERMINED -> false;
        };
        if (misfit && p.mismatchReported.add(upcall)) {
            report(Severity.ERROR, FindingKind.IFS_MISMATCH, event, provider,
                    ifs.describe() + " provider called " + upcall.apiName() + " (first time here)");
        }
        if (ifs.kind() == Kind.MIXED && !p.mixedReported) {
            p.mixedReported = true;
            report(Severity.ERROR, FindingKind.IFS_MISMATCH, event, provider,
                    "provider called both " + NON_IFS_UPCALLS + " (non-IFS) and WPUModifyIFSHandle (IFS)");
        }
    }

    private IfsClassification classify(PerProvider p) {
        for (int id : p.entryIds) {
            OptionalInt flags = catalog.serviceFlags1(id);
            if (flags.isPresent()) {
                boolean ifs = (flags.getAsInt() & IFS_HANDLES) != 0;
                return new IfsClassification(ifs ? Kind.IFS : Kind.NON_IFS, true, "catalog entry "
                        + Integer.toUnsignedString(id) + (ifs ? " has" : " lacks") + " XP1_IFS_HANDLES");
            }
        }
        boolean nonIfs = p.usesNonIfsUpcalls();
        boolean ifs = p.usesIfsUpcalls();
        if (nonIfs && ifs) {
            return new IfsClassification(Kind.MIXED, false, "calls " + NON_IFS_UPCALLS + " and WPUModifyIFSHandle");
        }
        if (nonIfs) {
            return new IfsClassification(Kind.NON_IFS, false, "calls " + NON_IFS_UPCALLS);
        }
        if (ifs) {
            return new IfsClassification(Kind.IFS, false, "calls WPUModifyIFSHandle");
        }
        return new IfsClassification(Kind.UNDETERMINED, false, "no socket-handle upcall seen");
    }

    /** One report per provider module, in the order the providers first appeared. */
    public synchronized List<ProviderConformance> providers() {
        List<Finding> all = new ArrayList<>(findings());
        lifecycleSources.forEach(source -> all.addAll(source.findings()));
        all.sort(Comparator.comparingLong(Finding::offset));
        List<ProviderConformance> result = new ArrayList<>();
        providers.forEach((name, p) -> {
            result.add(new ProviderConformance(name, classify(p), UpcallCount.nonZero(p.calls, p.failures),
                    all.stream().filter(f -> f.provider().equals(name)).toList()));
        });
        return result;
    }
}
