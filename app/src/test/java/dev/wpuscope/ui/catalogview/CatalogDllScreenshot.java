package dev.wpuscope.ui.catalogview;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.platform.ProviderFileCheck;
import dev.wpuscope.ui.ExampleFiles;
import dev.wpuscope.ui.FxViews;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Takes docs/screenshots/catalog-dll-details.png (run under Xvfb, see docs/screenshots/README.md): the example
 * catalog with the Contoso LSP's DLL path pointing at a real signed wputrace.dll on this machine, its entry
 * selected, the DLL's rows read by the real PE reader. Other paths resolve literally, so they are "not here".
 *
 * <p>Arguments: the DLL file, the PNG to write.
 */
public final class CatalogDllScreenshot {

    private CatalogDllScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        String dll = Path.of(args[0]).toAbsolutePath().toString();
        CatalogSnapshot example = ExampleFiles.readExampleCatalog();
        Map<Bitness, Catalog> catalogs = new EnumMap<>(Bitness.class);
        example.catalogs().forEach((bitness, catalog) -> catalogs.put(bitness, new Catalog(bitness,
                catalog.entries().stream().map(e -> e.providerPath() != null && e.providerPath().contains("cwflsp")
                        ? new CatalogEntry(e.info(), dll, e.protocolNameValue(), e.packedItem(), e.origin()) : e)
                        .toList(), catalog.orderKnown())));
        CatalogSnapshot snapshot = new CatalogSnapshot(example.kind(), example.location(), catalogs,
                example.namespaceProviders(), example.appIdRules(), example.lspCategories(), example.limitations(),
                example.warnings());
        ProviderFileCheck literal = new ProviderFileCheck() {
            @Override
            public Optional<String> unavailableReason() {
                return Optional.empty();
            }

            @Override
            public FileStatus check(String storedPath, Bitness catalog) {
                return new FileStatus(storedPath, Files.isRegularFile(Path.of(storedPath)));
            }
        };
        CountDownLatch shown = new CountDownLatch(1);
        Platform.startup(() -> {
            Stage stage = new Stage();
            CatalogViewController controller = FxViews.show(stage, "catalogview/CatalogView.fxml", 1600, 1000);
            controller.show(snapshot, ExampleFiles.diagnose(snapshot), literal, false);
            Platform.runLater(() -> {
                controller.mainSplit().getDividers().get(1).setPosition(0.55);
                controller.centerSplit().setDividerPositions(0.8);
            });
            CatalogViewModel model = controller.viewModel();
            model.selectedProperty().set(model.rowFor(Bitness.X64, 1021));
            model.details().addListener((javafx.collections.ListChangeListener<Object>) change -> {
                if (model.details().stream().anyMatch(r -> r.name().equals("Signer"))) {
                    shown.countDown();
                }
            });
        });
        if (!shown.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the DLL rows did not appear");
        }
        Thread.sleep(1500);
        CountDownLatch written = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                WritableImage image = Stage.getWindows().get(0).getScene().snapshot(null);
                ImageIO.write(toBuffered(image), "png", new File(args[1]));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                written.countDown();
            }
        });
        written.await(30, TimeUnit.SECONDS);
        Platform.exit();
    }

    private static BufferedImage toBuffered(WritableImage image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return out;
    }
}
