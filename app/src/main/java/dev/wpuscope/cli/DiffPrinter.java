package dev.wpuscope.cli;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.catalog.diff.CatalogDiff;
import dev.wpuscope.catalog.diff.EntryChange;
import dev.wpuscope.catalog.diff.FieldChange;
import dev.wpuscope.catalog.diff.NamespaceDiff;
import dev.wpuscope.catalog.diff.OrderChange;
import dev.wpuscope.catalog.diff.SnapshotDiff;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.EntryType;
import dev.wpuscope.catalog.model.NamespaceProvider;
import java.io.PrintWriter;

/** The readable report of {@code wpuscope diff}. */
final class DiffPrinter {

    private final PrintWriter out;

    DiffPrinter(PrintWriter out) {
        this.out = out;
    }

    void print(SnapshotDiff diff) {
        out.println("Differences from " + diff.before());
        out.println("              to " + diff.after());
        for (CatalogDiff c : diff.catalogs()) {
            print(c);
        }
        print(diff.namespaces());
        out.println();
        out.println(diff.isEmpty() ? "The catalogs are the same." : "The catalogs differ.");
    }

    private void print(CatalogDiff c) {
        out.println();
        String title = c.bitness().label() + " catalog";
        if (!c.inBefore() || !c.inAfter()) {
            out.println(title + ": only in " + (c.inBefore() ? "the first" : "the second") + " source");
        } else {
            TextBlock.print(out, "", title + ": ", c.added().size() + " added, " + c.removed().size() + " removed, "
                    + c.changed().size() + " changed, "
                    + (c.orderCompared() ? c.moved().size() + " moved"
                    : "order not compared (a source holds only an excerpt of this catalog, so an entry shown "
                    + "as added or removed may just lie outside it)"));
        }
        c.added().forEach(e -> out.println("  + " + describe(e)));
        c.removed().forEach(e -> out.println("  - " + describe(e)));
        for (EntryChange change : c.changed()) {
            out.println("  ~ " + describe(change.after()) + ids(change.before(), change.after()));
            change.fields().forEach(this::print);
        }
        for (OrderChange m : c.moved()) {
            out.println("  > " + describe(m.entry()) + ": position " + m.positionBefore() + " -> " + m.positionAfter());
        }
    }

    private void print(FieldChange f) {
        String note = f.note().isEmpty() ? "" : "  (" + f.note() + ")";
        TextBlock.print(out, "      ", f.field() + ": ", f.before() + " -> " + f.after() + note);
    }

    private void print(NamespaceDiff n) {
        if (n.isEmpty()) {
            return;
        }
        out.println();
        out.println("Namespace providers: " + n.added().size() + " added, " + n.removed().size() + " removed, "
                + n.changed().size() + " changed");
        n.added().forEach(p -> out.println("  + " + describe(p)));
        n.removed().forEach(p -> out.println("  - " + describe(p)));
        n.changed().forEach(c -> {
            out.println("  ~ " + describe(c.after()));
            c.fields().forEach(this::print);
        });
    }

    private static String describe(CatalogEntry e) {
        EntryType type = e.info().entryType();
        String kind = type == EntryType.LAYERED ? type.label().toLowerCase()
                : EntryLabels.protocol(e.info()) + (type == null ? "" : ", " + type.label().toLowerCase());
        String id = e.id() == null ? "" : " #" + Integer.toUnsignedString(e.id());
        String dll = e.providerPath() == null ? "" : ", " + e.providerPath();
        return EntryLabels.name(e) + " (" + kind + dll + ")" + id;
    }

    private static String ids(CatalogEntry before, CatalogEntry after) {
        return before.id() == null || before.id().equals(after.id()) ? ""
                : " (was #" + Integer.toUnsignedString(before.id()) + ")";
    }

    private static String describe(NamespaceProvider p) {
        return EntryLabels.name(p) + " (" + p.bitness().label() + (p.libraryPath() == null ? "" : ", " + p.libraryPath())
                + ")";
    }
}
