package dev.wpuscope.ui.tracerview;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.model.EntryType;
import dev.wpuscope.tracer.InstallPlan;
import dev.wpuscope.tracer.PlanText;
import dev.wpuscope.tracer.Selection;
import dev.wpuscope.tracer.TracerDlls;
import dev.wpuscope.tracer.TracerPlanner;
import dev.wpuscope.change.UnsafePlanException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The logic of the tracer plan dialog, without JavaFX: which selection the user chose (kind and value as typed),
 * what it is pre-filled with from the catalog view, and the planner's answer for one catalog.
 */
public final class TracerPlanViewModel {

    /** The kinds of selection the dialog offers, with the label of each choice. */
    public enum Kind {
        ALL("Every chain and base provider"),
        FAMILY("Address family"),
        PROTOCOL("Protocol"),
        LSP("One LSP's chains"),
        ENTRIES("Chosen entries (catalog ids)");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** A selection as the dialog holds it: the kind and the text of its value field (empty for ALL). */
    public record Choice(Kind kind, String value) {
    }

    /** An LSP the user can pick: a layered provider GUID and the name of its layered entry. */
    public record LspChoice(UUID providerId, String name) {
        @Override
        public String toString() {
            return name + "  {" + providerId + "}";
        }
    }

    /** What the planner says about a choice. */
    public sealed interface Result {
        /** A safe plan, as the text the user confirms. */
        record Planned(InstallPlan plan, String text) implements Result {
        }

        /** The planner refuses: nothing would be safe to change, for these reasons. */
        record Refused(List<String> reasons) implements Result {
        }

        /** The value typed does not make a selection (e.g. a family that is not a number). */
        record Invalid(String message) implements Result {
        }
    }

    private final CatalogSnapshot snapshot;
    private final TracerPlanner planner;

    public TracerPlanViewModel(CatalogSnapshot snapshot, TracerDlls dlls) {
        this.snapshot = snapshot;
        this.planner = new TracerPlanner(dlls);
    }

    public CatalogSnapshot snapshot() {
        return snapshot;
    }

    /** The choice for entries selected in the catalog view: a layered entry's LSP, else those entries' ids. */
    public static Choice prefill(List<CatalogEntry> selected) {
        for (CatalogEntry entry : selected) {
            if (entry.info().entryType() == EntryType.LAYERED && entry.info().providerId() != null) {
                return new Choice(Kind.LSP, entry.info().providerId().toString());
            }
        }
        String ids = selected.stream().filter(e -> e.id() != null).map(e -> Integer.toUnsignedString(e.id()))
                .distinct().collect(Collectors.joining(", "));
        return ids.isEmpty() ? new Choice(Kind.ALL, "") : new Choice(Kind.ENTRIES, ids);
    }

    /** The LSPs of the catalog (its layered entries, one per provider GUID), for the LSP choice. */
    public List<LspChoice> lsps() {
        Map<UUID, LspChoice> byId = new LinkedHashMap<>();
        snapshot.catalogs().values().forEach(catalog -> catalog.entries().stream()
                .filter(e -> e.info().entryType() == EntryType.LAYERED && e.info().providerId() != null)
                .forEach(e -> byId.putIfAbsent(e.info().providerId(),
                        new LspChoice(e.info().providerId(), EntryLabels.name(e)))));
        return new ArrayList<>(byId.values());
    }

    /** Plans the choice on this catalog; never throws. */
    public Result plan(Choice choice) {
        Selection selection;
        try {
            selection = selection(choice);
        } catch (IllegalArgumentException invalid) {
            return new Result.Invalid(invalid.getMessage());
        }
        try {
            InstallPlan plan = planner.planInstall(snapshot, selection);
            return new Result.Planned(plan, PlanText.install(plan));
        } catch (UnsafePlanException refused) {
            return new Result.Refused(refused.reasons());
        }
    }

    /** The planner's selection for a choice. */
    static Selection selection(Choice choice) {
        String value = choice.value().trim();
        return switch (choice.kind()) {
            case ALL -> new Selection.All();
            case FAMILY -> new Selection.Family(number(value, "an address family (2 IPv4, 23 IPv6)"));
            case PROTOCOL -> new Selection.Protocol(number(value, "a protocol (6 TCP, 17 UDP)"));
            case LSP -> new Selection.Lsp(guid(value));
            case ENTRIES -> new Selection.Entries(ids(value));
        };
    }

    private static int number(String value, String what) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Type " + what + " as a number" + (value.isEmpty() ? "."
                    : "; \"" + value + "\" is not one."));
        }
    }

    private static UUID guid(String value) {
        try {
            return UUID.fromString(value.replace("{", "").replace("}", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Choose an LSP, or type its provider GUID"
                    + (value.isEmpty() ? "." : "; \"" + value + "\" is not a GUID."));
        }
    }

    private static List<Integer> ids(String value) {
        List<Integer> ids = new ArrayList<>();
        for (String part : value.split("[,\\s]+")) {
            if (!part.isEmpty()) {
                try {
                    ids.add(Integer.parseUnsignedInt(part));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Catalog ids are numbers separated by commas; \"" + part
                            + "\" is not one.");
                }
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("Type one or more catalog ids, e.g. 1001, 1002 (or select entries"
                    + " in the catalog view first).");
        }
        return ids;
    }
}
