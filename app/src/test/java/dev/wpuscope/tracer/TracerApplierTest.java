package dev.wpuscope.tracer;

import dev.wpuscope.change.ApplyReport;
import dev.wpuscope.change.CatalogWriteException;
import dev.wpuscope.change.CatalogWriter;
import dev.wpuscope.change.InMemoryCatalog;
import dev.wpuscope.change.SnapshotBackupDirectory;
import dev.wpuscope.change.UnsafePlanException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.CatalogFixtures;
import dev.wpuscope.catalog.CatalogFixtures.CatalogBuilder;
import dev.wpuscope.catalog.SharedSamples;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.model.ProtocolInfo;
import dev.wpuscope.catalog.snapshot.SnapshotJson;
import dev.wpuscope.change.ApplyReport.Outcome;
import dev.wpuscope.change.InMemoryCatalog.FailureMode;
import dev.wpuscope.change.InMemoryCatalog.Operation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The applier against the in-memory catalog: a failure injected at every call of an install, before and after its
 * effect, leaves the catalog byte for byte as it was; so does a result that does not verify.
 */
class TracerApplierTest {

    @TempDir
    Path backups;

    private static CatalogSnapshot synthetic() {
        CatalogBuilder x64 = CatalogFixtures.windows(Bitness.X64);
        x64.lsp("Example LSP", "example.dll", false, x64.get(1001), x64.get(1004));
        CatalogBuilder x86 = CatalogFixtures.windows(Bitness.X86);
        x86.lsp("Example LSP", "example32.dll", false, x86.get(1001));
        return CatalogFixtures.snapshot(x64, x86).build();
    }

    private static InstallPlan plan(CatalogSnapshot snapshot) throws UnsafePlanException {
        return new TracerPlanner(TracerFixtures.bothDlls()).planInstall(snapshot, new Selection.All());
    }

    private TracerApplier applier(CatalogWriter writer) {
        return new TracerApplier(writer, TracerFixtures.ELEVATED, new SnapshotBackupDirectory(backups,
                Clock.fixed(Instant.parse("2026-11-23T21:00:00Z"), ZoneOffset.UTC)));
    }

    @Test
    void installReportsEachStepAndSavesABackupFirst() throws Exception {
        CatalogSnapshot snapshot = synthetic();
        InMemoryCatalog memory = InMemoryCatalog.of(snapshot);
        List<String> progress = new ArrayList<>();
        ApplyReport report = applier(memory).install(plan(snapshot), progress::add);
        assertEquals(Outcome.APPLIED, report.outcome(), String.join("\n", report.steps()));
        assertEquals(progress, report.steps());
        assertEquals(backups.resolve("catalog-backup-20261123-210000-000.json").toAbsolutePath(), report.backup());
        assertTrue(progress.get(0).startsWith("Saved the current catalog to " + report.backup()), progress.get(0));
        assertTrue(progress.contains("[32-bit] Layered entry installed as catalog id 1009"), progress.toString());
        assertTrue(progress.contains("[64-bit] Verified: the catalog is exactly as planned"), progress.toString());
        CatalogSnapshot backup = SnapshotJson.read(Files.readAllBytes(report.backup()), "backup");
        assertEquals(RoundTrip.bytes(InMemoryCatalog.of(snapshot)), RoundTrip.bytes(InMemoryCatalog.of(backup)),
                "the backup holds the catalog byte for byte");
    }

    @Test
    void aFailureAtEveryStepIsRolledBackByteForByte() throws Exception {
        assertEveryFailureRollsBack(synthetic());
    }

    @Test
    void aFailureAtEveryStepIsRolledBackOnTheWindows10Sample() throws Exception {
        assertEveryFailureRollsBack(TracerFixtures.read(SharedSamples.file("reg/cingchun_bccc_winsock2.reg")));
    }

    private void assertEveryFailureRollsBack(CatalogSnapshot snapshot) throws Exception {
        InstallPlan plan = plan(snapshot);
        Map<Bitness, List<String>> original = RoundTrip.bytes(InMemoryCatalog.of(snapshot));
        InMemoryCatalog clean = InMemoryCatalog.of(snapshot);
        assertEquals(Outcome.APPLIED, applier(clean).install(plan, s -> { }).outcome());
        int injected = 0;
        for (Operation operation : Operation.values()) {
            for (int call = 1; call <= clean.calls(operation); call++) {
                for (FailureMode mode : FailureMode.values()) {
                    InMemoryCatalog memory = InMemoryCatalog.of(snapshot).failOn(operation, call, mode);
                    ApplyReport report = applier(memory).install(plan, s -> { });
                    String what = operation + " #" + call + " " + mode + ":\n" + String.join("\n", report.steps());
                    boolean initialRead = operation == Operation.ENUMERATE && call <= memory.catalogs().size();
                    assertEquals(initialRead ? Outcome.REFUSED : Outcome.ROLLED_BACK, report.outcome(), what);
                    assertEquals(original, RoundTrip.bytes(memory), what);
                    injected++;
                }
            }
        }
        assertTrue(injected >= 2 * (2 + 2 * 4), "every call of both catalogs was failed: " + injected);
    }

    @Test
    void aPassingFailureDuringTheRollbackIsRetried() throws Exception {
        CatalogSnapshot snapshot = synthetic();
        InMemoryCatalog memory = InMemoryCatalog.of(snapshot)
                .failOn(Operation.WRITE_ORDER, 2, FailureMode.AFTER_EFFECT)
                .failOn(Operation.DEINSTALL, 1, FailureMode.BEFORE_EFFECT)
                .failOn(Operation.DEINSTALL, 3, FailureMode.AFTER_EFFECT);
        ApplyReport report = applier(memory).install(plan(snapshot), s -> { });
        assertEquals(Outcome.ROLLED_BACK, report.outcome(), String.join("\n", report.steps()));
        assertTrue(report.steps().stream().anyMatch(s -> s.contains("Rollback attempt 1 failed")), report.steps()
                .toString());
        assertEquals(RoundTrip.bytes(InMemoryCatalog.of(snapshot)), RoundTrip.bytes(memory));
    }

    @Test
    void aRollbackThatCannotCompleteSaysToRestoreTheBackup() throws Exception {
        CatalogSnapshot snapshot = synthetic();
        InMemoryCatalog memory = InMemoryCatalog.of(snapshot).failOn(Operation.WRITE_ORDER, 1,
                FailureMode.BEFORE_EFFECT);
        CatalogWriter deinstallAlwaysFails = new ForwardingWriter(memory) {
            @Override
            public void deinstallProvider(Bitness bitness, UUID providerId) throws CatalogWriteException {
                throw new CatalogWriteException("WSCDeinstallProvider: WSANO_RECOVERY");
            }
        };
        ApplyReport report = applier(deinstallAlwaysFails).install(plan(snapshot), s -> { });
        assertEquals(Outcome.ROLLBACK_FAILED, report.outcome());
        assertTrue(report.steps().get(report.steps().size() - 1).startsWith(
                "ROLLBACK FAILED: restore the catalog from the backup " + report.backup()), report.steps().toString());
    }

    @Test
    void restoreBringsBackTheBackupAfterAFailedRollback() throws Exception {
        CatalogSnapshot snapshot = synthetic();
        InMemoryCatalog memory = InMemoryCatalog.of(snapshot).failOn(Operation.WRITE_ORDER, 2,
                FailureMode.BEFORE_EFFECT);
        CatalogWriter deinstallAlwaysFails = new ForwardingWriter(memory) {
            @Override
            public void deinstallProvider(Bitness bitness, UUID providerId) throws CatalogWriteException {
                throw new CatalogWriteException("WSCDeinstallProvider: WSANO_RECOVERY");
            }
        };
        ApplyReport failed = applier(deinstallAlwaysFails).install(plan(snapshot), s -> { });
        assertEquals(Outcome.ROLLBACK_FAILED, failed.outcome());
        CatalogSnapshot backup = SnapshotJson.read(Files.readAllBytes(failed.backup()), "backup");
        ApplyReport restored = applier(memory).restore(backup, s -> { });
        assertEquals(Outcome.APPLIED, restored.outcome(), String.join("\n", restored.steps()));
        assertEquals(RoundTrip.bytes(InMemoryCatalog.of(snapshot)), RoundTrip.bytes(memory));
    }

    @Test
    void restoreRefusesABackupThatHoldsTheTracer() throws Exception {
        CatalogSnapshot snapshot = synthetic();
        InMemoryCatalog memory = InMemoryCatalog.of(snapshot);
        TracerApplier applier = applier(memory);
        assertEquals(Outcome.APPLIED, applier.install(plan(snapshot), s -> { }).outcome());
        ApplyReport refused = applier.restore(applier.read(), s -> { });
        assertEquals(Outcome.REFUSED, refused.outcome());
        assertTrue(refused.steps().get(0).contains("holds the tracer"), refused.steps().toString());
    }

    @Test
    void aCatalogThatDoesNotReadBackAsPlannedIsRolledBack() throws Exception {
        CatalogSnapshot snapshot = synthetic();
        InMemoryCatalog memory = InMemoryCatalog.of(snapshot);
        CatalogWriter dropsAFlag = new ForwardingWriter(memory) {
            @Override
            public List<Integer> installProvider(Bitness bitness, UUID guid, String path, List<ProtocolInfo> infos)
                    throws CatalogWriteException {
                List<ProtocolInfo> changed = infos.stream().map(i -> CatalogFixtures.InfoBuilder.from(i))
                        .map(b -> {
                            b.flags1 = b.flags1 & ~0x2;
                            return b.build();
                        }).toList();
                return memory.installProvider(bitness, guid, path, changed);
            }
        };
        ApplyReport report = applier(dropsAFlag).install(plan(snapshot), s -> { });
        assertEquals(Outcome.ROLLED_BACK, report.outcome());
        assertTrue(report.steps().stream().anyMatch(s -> s.contains("the catalog read back differs from the plan")
                && s.contains("has other fields than expected")), report.steps().toString());
        assertEquals(RoundTrip.bytes(InMemoryCatalog.of(snapshot)), RoundTrip.bytes(memory));
    }

    @Test
    void aStrayCopyInTheOtherCatalogIsRolledBackToo() throws Exception {
        CatalogSnapshot snapshot = synthetic();
        InMemoryCatalog memory = InMemoryCatalog.of(snapshot);
        // as WSCInstallProvider64_32 does for the 32-bit catalog when deinstalling the 64-bit copy then fails
        CatalogWriter leavesA64BitCopy = new ForwardingWriter(memory) {
            @Override
            public List<Integer> installProvider(Bitness bitness, UUID guid, String path, List<ProtocolInfo> infos)
                    throws CatalogWriteException {
                List<Integer> ids = memory.installProvider(bitness, guid, path, infos);
                if (bitness == Bitness.X86) {
                    memory.installProvider(Bitness.X64, guid, path, infos.stream()
                            .map(i -> CatalogFixtures.InfoBuilder.from(i).chain(0).build()).toList());
                    throw new CatalogWriteException("WSCDeinstallProvider (64-bit copy) failed");
                }
                return ids;
            }
        };
        ApplyReport report = applier(leavesA64BitCopy).install(plan(snapshot), s -> { });
        assertEquals(Outcome.ROLLED_BACK, report.outcome(), String.join("\n", report.steps()));
        assertTrue(report.steps().contains("[64-bit] Rollback: deinstalling {" + TracerIds.LAYERED_PROVIDER + "}"),
                report.steps().toString());
        assertEquals(RoundTrip.bytes(InMemoryCatalog.of(snapshot)), RoundTrip.bytes(memory));
    }

    @Test
    void anIgnoredProviderOrderIsCaughtAndRolledBack() throws Exception {
        CatalogSnapshot snapshot = synthetic();
        InMemoryCatalog memory = InMemoryCatalog.of(snapshot);
        CatalogWriter ignoresOrder = new ForwardingWriter(memory) {
            @Override
            public void writeProviderOrder(Bitness bitness, List<Integer> ids) {
            }
        };
        ApplyReport report = applier(ignoresOrder).install(plan(snapshot), s -> { });
        assertEquals(Outcome.ROLLED_BACK, report.outcome());
        assertEquals(RoundTrip.bytes(InMemoryCatalog.of(snapshot)), RoundTrip.bytes(memory));
    }

    @Test
    void refusesWithoutElevationABackupOrTheCatalogThePlanWasMadeFrom() throws Exception {
        CatalogSnapshot snapshot = synthetic();
        InMemoryCatalog memory = InMemoryCatalog.of(snapshot);
        ApplyReport notAdmin = new TracerApplier(memory, () -> false, s -> backups).install(plan(snapshot), s -> { });
        assertEquals(Outcome.REFUSED, notAdmin.outcome());
        assertTrue(notAdmin.steps().get(0).contains("needs administrator rights"));
        ApplyReport noBackup = new TracerApplier(memory, TracerFixtures.ELEVATED, s -> {
            throw new java.io.IOException("disk full");
        }).install(plan(snapshot), s -> { });
        assertEquals(Outcome.REFUSED, noBackup.outcome());
        assertTrue(noBackup.steps().get(0).contains("cannot save a backup of the catalog: disk full"));
        memory.writeProviderOrder(Bitness.X64, List.of(1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009));
        ApplyReport changed = applier(memory).install(plan(snapshot), s -> { });
        assertEquals(Outcome.REFUSED, changed.outcome());
        assertTrue(changed.steps().get(0).contains("the 64-bit catalog is not the one the plan was made from"));
        assertEquals(0, memory.calls(Operation.INSTALL));
        assertNull(changed.backup());
    }

    @Test
    void refusesAPlanForACatalogTheWriterCannotReach() throws Exception {
        CatalogSnapshot snapshot = synthetic();
        InMemoryCatalog only64 = InMemoryCatalog.of(CatalogFixtures.snapshot(CatalogFixtures.windows(Bitness.X64))
                .build());
        ApplyReport report = applier(only64).install(plan(snapshot), s -> { });
        assertEquals(Outcome.REFUSED, report.outcome());
        assertEquals("Refused: the 32-bit catalog cannot be reached here", report.steps().get(0));
    }

    @Test
    void removalNeedsNeitherTheDllNorThePlanAndRestoresTheOriginal() throws Exception {
        CatalogSnapshot snapshot = synthetic();
        InMemoryCatalog memory = InMemoryCatalog.of(snapshot);
        Map<Bitness, List<String>> original = RoundTrip.bytes(memory);
        assertEquals(Outcome.APPLIED, applier(memory).install(plan(snapshot), s -> { }).outcome());
        // a new applier, as after a restart with the DLLs deleted: removal finds the tracer by its GUIDs
        ApplyReport removed = applier(memory).remove(s -> { });
        assertEquals(Outcome.APPLIED, removed.outcome(), String.join("\n", removed.steps()));
        assertNotNull(removed.backup());
        assertEquals(original, RoundTrip.bytes(memory));
        assertEquals(Outcome.NOTHING_TO_DO, applier(memory).remove(s -> { }).outcome());
    }

    @Test
    void removalCleansUpAHalfInstalledTracer() throws Exception {
        CatalogSnapshot snapshot = synthetic();
        InMemoryCatalog memory = InMemoryCatalog.of(snapshot);
        Map<Bitness, List<String>> original = RoundTrip.bytes(memory);
        memory.installProvider(Bitness.X64, TracerIds.LAYERED_PROVIDER, "gone.dll",
                List.of(plan(snapshot).changes().get(1).layeredEntry().info()));
        assertEquals(Outcome.APPLIED, applier(memory).remove(s -> { }).outcome());
        assertEquals(original, RoundTrip.bytes(memory));
    }

    @Test
    void aFailedRemovalNeverLeavesAChainWithoutItsLayerAndCanBeRepeated() throws Exception {
        CatalogSnapshot snapshot = synthetic();
        InMemoryCatalog memory = InMemoryCatalog.of(snapshot);
        Map<Bitness, List<String>> original = RoundTrip.bytes(memory);
        assertEquals(Outcome.APPLIED, applier(memory).install(plan(snapshot), s -> { }).outcome());
        memory.failOn(Operation.DEINSTALL, 2, FailureMode.BEFORE_EFFECT);
        ApplyReport failed = applier(memory).remove(s -> { });
        assertEquals(Outcome.REMOVAL_FAILED, failed.outcome());
        for (Bitness bitness : memory.catalogs()) {
            Catalog catalog = memory.enumerate(bitness);
            for (CatalogEntry entry : catalog.entries()) {
                assertTrue(catalog.resolveChain(entry).stream().noneMatch(l -> l.isMissing()), entry.toString());
            }
        }
        assertEquals(Outcome.APPLIED, applier(memory).remove(s -> { }).outcome());
        assertEquals(original, RoundTrip.bytes(memory));
    }

    @Test
    void removalIsRefusedWhenAnotherLspIsLayeredOverTheTracer() throws Exception {
        CatalogSnapshot snapshot = synthetic();
        InMemoryCatalog memory = InMemoryCatalog.of(snapshot);
        TracerApplier applier = applier(memory);
        assertEquals(Outcome.APPLIED, applier.install(plan(snapshot), s -> { }).outcome());
        Catalog x64 = memory.enumerate(Bitness.X64);
        CatalogEntry tracerChain = x64.entries().stream()
                .filter(e -> TracerIds.CHAIN_PROVIDER.equals(e.info().providerId())).findFirst().orElseThrow();
        List<Integer> over = new ArrayList<>(List.of(1007));
        over.addAll(tracerChain.info().chain());
        memory.installProvider(Bitness.X64, CatalogFixtures.guid("later LSP"), "later.dll", List.of(
                CatalogFixtures.InfoBuilder.from(tracerChain.info()).chain(over.size(), over.toArray(Integer[]::new))
                        .build()));
        ApplyReport refused = applier.remove(s -> { });
        assertEquals(Outcome.REFUSED, refused.outcome());
        assertTrue(refused.steps().get(0).contains("is layered over the tracer; removing the tracer would break it"),
                refused.steps().toString());
    }

    /** Passes every call to another writer; tests override one call to misbehave. */
    private static class ForwardingWriter implements CatalogWriter {
        private final CatalogWriter target;

        ForwardingWriter(CatalogWriter target) {
            this.target = target;
        }

        @Override
        public List<Bitness> catalogs() {
            return target.catalogs();
        }

        @Override
        public Catalog enumerate(Bitness bitness) throws CatalogWriteException {
            return target.enumerate(bitness);
        }

        @Override
        public List<Integer> installProvider(Bitness bitness, UUID guid, String path, List<ProtocolInfo> infos)
                throws CatalogWriteException {
            return target.installProvider(bitness, guid, path, infos);
        }

        @Override
        public void writeProviderOrder(Bitness bitness, List<Integer> ids) throws CatalogWriteException {
            target.writeProviderOrder(bitness, ids);
        }

        @Override
        public void deinstallProvider(Bitness bitness, UUID providerId) throws CatalogWriteException {
            target.deinstallProvider(bitness, providerId);
        }
    }
}
