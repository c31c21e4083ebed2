package dev.wpuscope.repair;

import static dev.wpuscope.repair.RepairFixtures.TENCENT32;
import static dev.wpuscope.repair.RepairFixtures.TENCENT64;
import static dev.wpuscope.repair.RepairFixtures.assertSameUpToNewIds;
import static dev.wpuscope.repair.RepairFixtures.byId;
import static dev.wpuscope.repair.RepairFixtures.bytes;
import static dev.wpuscope.repair.RepairFixtures.entry;
import static dev.wpuscope.repair.RepairFixtures.windows10;
import static dev.wpuscope.repair.RepairFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.CatalogFixtures.InfoBuilder;
import dev.wpuscope.catalog.diagnose.Defects;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.snapshot.SnapshotJson;
import dev.wpuscope.catalog.source.CatalogReadException;
import dev.wpuscope.change.ApplyReport;
import dev.wpuscope.change.ApplyReport.Outcome;
import dev.wpuscope.change.InMemoryCatalog;
import dev.wpuscope.change.InMemoryCatalog.FailureMode;
import dev.wpuscope.change.InMemoryCatalog.Operation;
import dev.wpuscope.change.SnapshotBackupDirectory;
import dev.wpuscope.change.UnsafePlanException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repairs planned from the real Windows 10 export (Tencent's ierd_tgp_lsp) and mutations of it, applied to the
 * in-memory catalog: every kind of repair, a failure injected at every call before and after its effect (rolled back
 * and verified), byte-for-byte results, restore from the backup, refusals, and plans made offline from names that
 * the live catalog reports resolved.
 */
class RepairTest {

    @TempDir
    Path backups;

    private RepairApplier applier(InMemoryCatalog memory) {
        return new RepairApplier(memory, () -> true, new SnapshotBackupDirectory(backups, Clock.systemUTC()));
    }

    private static List<Integer> ids(List<CatalogEntry> entries) {
        return entries.stream().map(CatalogEntry::id).toList();
    }

    @Test
    void removingTencentsLspTakesItsLayeredEntryAndChainsFromBothCatalogs() throws Exception {
        RepairPlan plan = RepairPlanner.plan(windows10(), new RepairRequest.Lsp(List.of(TENCENT64)));
        RepairSummary summary = RepairSummary.of(plan);
        assertEquals(List.of(1020, 1021, 1022, 1023), ids(summary.removed().get(Bitness.X64)));
        assertEquals(List.of(1016, 1017, 1018, 1019), ids(summary.removed().get(Bitness.X86)));
        assertEquals(List.of(Bitness.X64, Bitness.X86), List.copyOf(summary.removed().keySet()));
        assertEquals(4, summary.diff().catalogs().get(0).removed().size());
        assertEquals(4, summary.diff().catalogs().get(1).removed().size());
        assertTrue(summary.diff().catalogs().stream().allMatch(c -> c.added().isEmpty() && c.changed().isEmpty()));
        assertEquals(15, plan.expectedSnapshot().catalogs().get(Bitness.X86).entries().size());
        assertEquals(plan.fingerprintBefore(), CatalogFingerprint.of(windows10().catalogs().values()));
        assertEquals(RepairPlanner.plan(windows10(), new RepairRequest.Lsp(List.of(TENCENT32))).fingerprintAfter(),
                plan.fingerprintAfter(), "the 32-bit half's GUID names the same LSP");
    }

    @Test
    void theRepairIsAppliedByteForByteAndTheBackupBringsTheLspBack() throws Exception {
        CatalogSnapshot snapshot = windows10();
        RepairPlan plan = RepairPlanner.plan(snapshot, new RepairRequest.Lsp(List.of(TENCENT64)));
        InMemoryCatalog memory = InMemoryCatalog.of(snapshot);
        ApplyReport report = applier(memory).apply(plan, s -> { });
        assertEquals(Outcome.APPLIED, report.outcome(), String.join("\n", report.steps()));
        assertEquals(bytes(plan.expectedSnapshot()), bytes(memory));
        List<String> steps = report.steps();
        int chain = steps.indexOf("[64-bit] Repair: deinstalling {4292dfaf-0bb5-4541-9ae4-d84d04f7731b}");
        int layered = steps.indexOf("[64-bit] Repair: deinstalling {" + TENCENT64 + "}");
        assertTrue(chain >= 0 && layered > chain, "chains before the layered entry: " + steps);
        CatalogSnapshot backup = SnapshotJson.read(Files.readAllBytes(report.backup()), "backup");
        ApplyReport restored = applier(memory).restore(backup, s -> { });
        assertEquals(Outcome.APPLIED, restored.outcome(), String.join("\n", restored.steps()));
        assertSameUpToNewIds(snapshot, memory, "restored");
        assertEquals(List.of(1024, 1025, 1026, 1027), ids(memory.enumerate(Bitness.X64).entries()).subList(15, 19),
                "Windows gives the LSP's entries new ids");
    }

    /** Every kind of repair on the sample or a mutation of it that needs it. */
    private static Stream<Object[]> everyKind() throws Exception {
        CatalogSnapshot sample = windows10();
        CatalogSnapshot orphans = with(with(sample, Bitness.X64, entries -> {
            entries.removeIf(e -> e.id() == 1020);
            return entries;
        }), Bitness.X86, entries -> {
            entries.removeIf(e -> List.of(1017, 1018, 1019).contains(e.id()));
            return entries;
        });
        CatalogSnapshot broken = with(sample, Bitness.X64, entries -> {
            InfoBuilder chain = InfoBuilder.from(byId(sample, Bitness.X64, 1022).info());
            chain.id = 1030;
            chain.providerId = UUID.fromString("00000000-0000-0000-0000-000000001030");
            chain.chain(2, 1020, 1099);
            entries.add(0, entry(chain, "C:\\Windows\\SysWOW64\\ierd_tgp_lsp64.dll"));
            return entries;
        });
        return Stream.of(
                new Object[] {"lsp", sample, new RepairRequest.Lsp(List.of(TENCENT64))},
                new Object[] {"entry", sample, new RepairRequest.Entries(List.of(1022))},
                new Object[] {"orphans", orphans, new RepairRequest.Orphans()},
                new Object[] {"broken", broken, new RepairRequest.Broken()},
                new Object[] {"order", sample, new RepairRequest.Order()});
    }

    @Test
    void everyKindOfRepairIsAppliedAndAFailureAtEveryCallIsRolledBack() throws Exception {
        for (Object[] kind : everyKind().toList()) {
            CatalogSnapshot snapshot = (CatalogSnapshot) kind[1];
            RepairPlan plan = RepairPlanner.plan(snapshot, (RepairRequest) kind[2]);
            InMemoryCatalog clean = InMemoryCatalog.of(snapshot);
            ApplyReport applied = applier(clean).apply(plan, s -> { });
            assertEquals(Outcome.APPLIED, applied.outcome(), kind[0] + "\n" + String.join("\n", applied.steps()));
            Map<Operation, Integer> calls = new EnumMap<>(Operation.class);
            for (Operation operation : Operation.values()) {
                calls.put(operation, clean.calls(operation));
            }
            assertEquals(bytes(plan.expectedSnapshot()), bytes(clean), kind[0].toString());
            assertNotEquals(bytes(snapshot), bytes(clean), kind[0].toString());
            List<CatalogEntry> unrestorable = plan.catalogs().stream().flatMap(c -> c.unrestorable().stream())
                    .toList();
            assertEquals(kind[0].equals("orphans") || kind[0].equals("broken"), !unrestorable.isEmpty(),
                    kind[0].toString());
            int injected = 0;
            for (Operation operation : Operation.values()) {
                for (int call = 1; call <= calls.get(operation); call++) {
                    for (FailureMode mode : FailureMode.values()) {
                        InMemoryCatalog memory = InMemoryCatalog.of(snapshot).failOn(operation, call, mode);
                        ApplyReport report = applier(memory).apply(plan, s -> { });
                        String what = kind[0] + ": " + operation + " #" + call + " " + mode + ":\n"
                                + String.join("\n", report.steps());
                        boolean initialRead = operation == Operation.ENUMERATE && call <= 2;
                        assertEquals(initialRead ? Outcome.REFUSED : Outcome.ROLLED_BACK, report.outcome(), what);
                        assertSameUpToNewIds(snapshot, memory, what, unrestorable);
                        injected++;
                    }
                }
            }
            assertTrue(injected >= 2 * 4, kind[0] + ": failures injected " + injected);
        }
    }

    @Test
    void theOrderRepairPutsEachChainBeforeItsBaseProvider() throws Exception {
        RepairPlan plan = RepairPlanner.plan(windows10(), new RepairRequest.Order());
        for (CatalogRepair repair : plan.catalogs()) {
            assertEquals(3, repair.moved().size());
            assertTrue(Defects.bypassedChains(repair.expected()).isEmpty(), repair.expected().entries().toString());
        }
        List<Integer> order = ids(plan.catalogs().get(0).expected().entries());
        assertEquals(List.of(1001, 1006, 1021, 1007, 1022, 1008, 1023, 1009), order.subList(0, 8));
    }

    @Test
    void anLspLayeredAboveIsRefusedUnlessItIsRemovedToo() throws Exception {
        CatalogSnapshot sample = windows10();
        UUID upper = UUID.fromString("00000000-0000-0000-0000-00000000a0a0");
        UUID upperChain = UUID.fromString("00000000-0000-0000-0000-00000000a0a1");
        CatalogSnapshot stacked = with(sample, Bitness.X64, entries -> {
            InfoBuilder layered = InfoBuilder.from(byId(sample, Bitness.X64, 1020).info());
            layered.id = 1030;
            layered.providerId = upper;
            layered.name = "upper_lsp";
            InfoBuilder chain = InfoBuilder.from(byId(sample, Bitness.X64, 1021).info());
            chain.id = 1031;
            chain.providerId = upperChain;
            chain.chain(3, 1030, 1020, 1007);
            entries.add(0, entry(chain, "C:\\upper\\upper.dll"));
            entries.add(entry(layered, "C:\\upper\\upper.dll"));
            return entries;
        });
        UnsafePlanException refused = assertThrows(UnsafePlanException.class,
                () -> RepairPlanner.plan(stacked, new RepairRequest.Lsp(List.of(TENCENT64))));
        assertEquals(1, refused.reasons().size(), refused.reasons().toString());
        assertTrue(refused.reasons().get(0).contains("the LSP upper_lsp (entry 1030 \"upper_lsp\", GUID {" + upper
                + "}) is layered above ierd_tgp_lsp64 in entry 1031") && refused.reasons().get(0)
                .contains("--lsp " + upper), refused.reasons().get(0));
        RepairPlan both = RepairPlanner.plan(stacked, new RepairRequest.Lsp(List.of(TENCENT64, upper)));
        assertEquals(List.of(1031, 1020, 1021, 1022, 1023, 1030), ids(both.catalogs().get(0).removed()));
        InMemoryCatalog memory = InMemoryCatalog.of(stacked);
        assertEquals(Outcome.APPLIED, applier(memory).apply(both, s -> { }).outcome());
        assertEquals(bytes(both.expectedSnapshot()), bytes(memory));
    }

    @Test
    void entriesSharingAGuidWithARemovedOneAreInstalledAgain() throws Exception {
        CatalogSnapshot sample = windows10();
        UUID shared = UUID.fromString("00000000-0000-0000-0000-00000000c0c0");
        CatalogSnapshot oneGuid = with(sample, Bitness.X64, entries -> entries.stream().map(e -> {
            if (!List.of(1021, 1022, 1023).contains(e.id())) {
                return e;
            }
            InfoBuilder info = InfoBuilder.from(e.info());
            info.providerId = shared;
            return entry(info, e.providerPath());
        }).collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new)));
        RepairPlan plan = RepairPlanner.plan(oneGuid, new RepairRequest.Entries(List.of(1022)));
        InMemoryCatalog memory = InMemoryCatalog.of(oneGuid);
        ApplyReport report = applier(memory).apply(plan, s -> { });
        assertEquals(Outcome.APPLIED, report.outcome(), String.join("\n", report.steps()));
        List<CatalogEntry> after = memory.enumerate(Bitness.X64).entries();
        assertEquals(List.of(1020, 1024, 1025), ids(after).subList(15, 18), "1021 and 1023 came back as 1024, 1025");
        assertEquals(byId(oneGuid, Bitness.X64, 1023).info().protocolName(), after.get(17).info().protocolName());
    }

    @Test
    void refusals() throws Exception {
        CatalogSnapshot sample = windows10();
        assertTrue(assertThrows(UnsafePlanException.class, () -> RepairPlanner.plan(sample,
                new RepairRequest.Entries(List.of(1007)))).reasons().get(0).contains("1007 \"@%SystemRoot%"
                + "\\System32\\mswsock.dll,-60100\" is a base provider"));
        assertEquals(List.of("nothing to repair: no entry of " + sample.location() + " fits \"" + new RepairRequest
                .Orphans().describe() + "\""), assertThrows(UnsafePlanException.class,
                () -> RepairPlanner.plan(sample, new RepairRequest.Orphans())).reasons());
        UUID unknown = UUID.fromString("00000000-0000-0000-0000-000000000001");
        assertTrue(assertThrows(UnsafePlanException.class, () -> RepairPlanner.plan(sample,
                new RepairRequest.Lsp(List.of(unknown)))).reasons().contains("no LSP has the GUID {" + unknown
                + "}: neither a layered entry nor a chain has it"));
        RepairSummary refused = RepairSummary.of(sample, new RepairRequest.Entries(List.of(4242)));
        assertTrue(refused.refused());
        assertEquals(List.of("no catalog holds an entry with id 4242"), refused.refusals());
    }

    @Test
    void applyingIsRefusedUnlessElevatedAndOnTheCatalogThePlanWasMadeFrom() throws Exception {
        CatalogSnapshot sample = windows10();
        RepairPlan plan = RepairPlanner.plan(sample, new RepairRequest.Lsp(List.of(TENCENT64)));
        InMemoryCatalog memory = InMemoryCatalog.of(sample);
        ApplyReport notElevated = new RepairApplier(memory, () -> false, s -> null).apply(plan, s -> { });
        assertEquals(Outcome.REFUSED, notElevated.outcome());
        CatalogSnapshot other = with(sample, Bitness.X86, entries -> {
            entries.remove(0);
            return entries;
        });
        InMemoryCatalog elsewhere = InMemoryCatalog.of(other);
        ApplyReport changed = applier(elsewhere).apply(plan, s -> { });
        assertEquals(Outcome.REFUSED, changed.outcome());
        assertTrue(changed.steps().get(0).startsWith("Refused: the 32-bit catalog is not the one the plan was made"
                + " from (expected 19 entries, found 18"), changed.steps().get(0));
        assertEquals(0, elsewhere.calls(Operation.DEINSTALL));
        assertEquals(bytes(other), bytes(elsewhere));
    }

    @Test
    void aPlanMadeFromTheExportAppliesToTheLiveCatalogThatReportsResolvedNames() throws Exception {
        CatalogSnapshot sample = windows10();
        RepairPlan plan = RepairPlanFile.read(RepairPlanFile.write(RepairPlanner.plan(sample,
                new RepairRequest.Lsp(List.of(TENCENT64)))), "plan.json");
        CatalogSnapshot live = sample;
        for (Bitness bitness : Bitness.values()) {
            live = with(live, bitness, entries -> entries.stream().map(e -> {
                if (!e.displayName().startsWith("@")) {
                    return e;
                }
                InfoBuilder info = InfoBuilder.from(e.info());
                info.name = "MSAFD resolved " + e.id();
                return entry(info, e.providerPath());
            }).collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new)));
        }
        InMemoryCatalog memory = InMemoryCatalog.of(live);
        ApplyReport report = applier(memory).apply(plan, s -> { });
        assertEquals(Outcome.APPLIED, report.outcome(), String.join("\n", report.steps()));
        assertEquals(15, memory.enumerate(Bitness.X64).entries().size());
        assertEquals("MSAFD resolved 1007", memory.enumerate(Bitness.X64).byId(1007).orElseThrow().displayName());
    }

    @Test
    void thePlanFileRoundTripsAndAnEditedOneIsRefused() throws Exception {
        RepairPlan plan = RepairPlanner.plan(windows10(), new RepairRequest.Order());
        byte[] file = RepairPlanFile.write(plan);
        RepairPlan read = RepairPlanFile.read(file, "plan.json");
        assertEquals(plan.fingerprintBefore(), read.fingerprintBefore());
        assertEquals(plan.fingerprintAfter(), read.fingerprintAfter());
        assertEquals(bytes(plan.expectedSnapshot()), bytes(read.expectedSnapshot()));
        assertEquals(ids(plan.catalogs().get(1).moved()), ids(read.catalogs().get(1).moved()));
        String json = new String(file, StandardCharsets.UTF_8);
        String edited = json.replaceFirst("\"catalogEntryId\" : 1021", "\"catalogEntryId\" : 1099");
        assertNotEquals(json, edited);
        CatalogReadException damaged = assertThrows(CatalogReadException.class,
                () -> RepairPlanFile.read(edited.getBytes(StandardCharsets.UTF_8), "plan.json"));
        assertTrue(damaged.getMessage().startsWith("plan.json: "), damaged.getMessage());
        assertTrue(assertThrows(CatalogReadException.class, () -> RepairPlanFile.read("{}".getBytes(
                StandardCharsets.UTF_8), "x.json")).getMessage().contains("not a wpuscope repair plan"));
    }
}
