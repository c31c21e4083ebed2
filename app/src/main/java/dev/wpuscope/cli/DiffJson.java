package dev.wpuscope.cli;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.catalog.diff.CatalogDiff;
import dev.wpuscope.catalog.diff.FieldChange;
import dev.wpuscope.catalog.diff.SnapshotDiff;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.NamespaceProvider;
import java.util.List;
import java.util.UUID;

/** The JSON shape of {@code wpuscope diff --json}: entries summarized, every change kept. */
record DiffJson(String before, String after, boolean same, List<CatalogJson> catalogs, NamespacesJson namespaces) {

    record Entry(Integer catalogEntryId, String name, String type, String protocol, UUID providerId,
                 String providerPath) {
        static Entry of(CatalogEntry e) {
            return new Entry(e.id(), EntryLabels.name(e),
                    e.info().entryType() == null ? null : e.info().entryType().label(),
                    EntryLabels.protocol(e.info()), e.info().providerId(), e.providerPath());
        }
    }

    record Changed(Entry before, Entry after, List<FieldChange> fields) {
    }

    record Moved(Entry entry, int positionBefore, int positionAfter) {
    }

    record CatalogJson(String catalog, boolean inBefore, boolean inAfter, List<Entry> added, List<Entry> removed,
                       List<Changed> changed, boolean orderCompared, List<Moved> moved) {
        static CatalogJson of(CatalogDiff d) {
            return new CatalogJson(d.bitness().label(), d.inBefore(), d.inAfter(),
                    d.added().stream().map(Entry::of).toList(), d.removed().stream().map(Entry::of).toList(),
                    d.changed().stream().map(c -> new Changed(Entry.of(c.before()), Entry.of(c.after()), c.fields()))
                            .toList(),
                    d.orderCompared(),
                    d.moved().stream().map(m -> new Moved(Entry.of(m.entry()), m.positionBefore(), m.positionAfter()))
                            .toList());
        }
    }

    record Namespace(String catalog, String name, UUID providerId, String libraryPath) {
        static Namespace of(NamespaceProvider p) {
            return new Namespace(p.bitness().label(), EntryLabels.name(p), p.providerId(), p.libraryPath());
        }
    }

    record NamespaceChanged(Namespace provider, List<FieldChange> fields) {
    }

    record NamespacesJson(List<Namespace> added, List<Namespace> removed, List<NamespaceChanged> changed) {
    }

    static DiffJson of(SnapshotDiff d) {
        return new DiffJson(d.before(), d.after(), d.isEmpty(), d.catalogs().stream().map(CatalogJson::of).toList(),
                new NamespacesJson(d.namespaces().added().stream().map(Namespace::of).toList(),
                        d.namespaces().removed().stream().map(Namespace::of).toList(),
                        d.namespaces().changed().stream()
                                .map(c -> new NamespaceChanged(Namespace.of(c.after()), c.fields())).toList()));
    }
}
