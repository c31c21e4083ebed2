package dev.wpuscope.ui.catalogview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.known.KnownLsps;
import dev.wpuscope.catalog.SharedSamples;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.source.CatalogSources;
import dev.wpuscope.ui.ExampleFiles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Windows 10 names many entries by an MUI reference (@%SystemRoot%\System32\mswsock.dll,-60100): the tree
 * and the selection say which protocol the entry is, the detail pane keeps the stored name as it is.
 */
class MuiNamesTest {

    @Test
    void entriesNamedByAnMuiReferenceShowTheirProtocol() throws Exception {
        CatalogSnapshot snapshot = CatalogSources.read(SharedSamples.file("reg/cingchun_bccc_winsock2.reg"));
        CatalogViewModel model = new CatalogViewModel();
        model.show(snapshot, ExampleFiles.diagnose(snapshot), ExampleFiles.OFFLINE_FILES, false);
        EntryRow tcp = model.entries().stream().filter(r -> r.idText().equals("1007")).findFirst().orElseThrow();

        List<String> labels = new ArrayList<>();
        ChainTree.of(snapshot, model.entries(), KnownLsps.standard()).forEach(node -> collect(node, labels));
        assertTrue(labels.contains("1007  [TCP/IPv4] (mswsock.dll,-60100)"), labels.toString());

        model.selectedProperty().set(tcp);
        assertEquals("64-bit entry 1007: [TCP/IPv4] (mswsock.dll,-60100)", model.selectionSummaryProperty().get());
        assertTrue(model.details().stream().anyMatch(d -> d.name().equals("Name (szProtocol)")
                && d.value().equals("@%SystemRoot%\\System32\\mswsock.dll,-60100")), model.details().toString());
    }

    private static void collect(ChainTreeNode node, List<String> labels) {
        labels.add(node.label());
        node.children().forEach(child -> collect(child, labels));
    }
}
