package dev.wpuscope.ui.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.trace.io.TraceDecoder;
import dev.wpuscope.trace.model.Upcall;
import dev.wpuscope.ui.FxViews;
import java.util.List;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Live Traffic view and its panels on a synthetic capture, driven through the controls (headless). */
@ExtendWith(ApplicationExtension.class)
class TrafficViewTest {
    private static final int ROUNDS = 40;
    private TrafficViewController controller;
    private CaptureSession session;

    @Start
    void start(Stage stage) {
        controller = FxViews.show(stage, "traffic/TrafficView.fxml", 1240, 760);
    }

    private TableView<Integer> showCapture(FxRobot robot) throws Exception {
        session = Sessions.of(SyntheticCapture.rounds(ROUNDS));
        robot.interact(() -> controller.show(session, session.analysis(), "synthetic", null));
        TableView<Integer> table = robot.lookup("#eventTable").queryAs(TableView.class);
        waitForRows(ROUNDS * SyntheticCapture.UPCALLS_PER_ROUND);
        return table;
    }

    private void waitForRows(int count) throws java.util.concurrent.TimeoutException {
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> controller.viewModel().rows().size() == count);
    }

    @Test
    void whileAFileIsReadTheTableTakesInItsRowsTenTimesASecondNotOnEveryFrame(FxRobot robot) throws Exception {
        byte[] capture = SyntheticCapture.rounds(ROUNDS);
        CaptureSession growing = new CaptureSession("growing");
        TraceDecoder decoder = new TraceDecoder("growing", growing);
        int half = capture.length / 2;
        List<Integer> shown = new java.util.ArrayList<>();
        long later = System.nanoTime() + 60_000_000_000L; // frames later than the real pulses of this test
        robot.interact(() -> {
            controller.showProgress("Opening growing", new SimpleDoubleProperty(0.5), () -> { });
            controller.show(growing, growing.analysis(), "growing", null);
        });
        decoder.feed(capture, 0, half);
        robot.interact(() -> {
            controller.advanceFrame(later);
            shown.add(controller.viewModel().rows().size());
        });
        decoder.feed(capture, half, capture.length - half); // real pulses, before `later`, take nothing in
        decoder.finish();
        robot.interact(() -> {
            controller.advanceFrame(later + 50_000_000L);
            shown.add(controller.viewModel().rows().size());
            controller.advanceFrame(later + 100_000_000L);
            shown.add(controller.viewModel().rows().size());
            controller.hideProgress();
        });
        int all = ROUNDS * SyntheticCapture.UPCALLS_PER_ROUND;
        assertTrue(shown.get(0) > 0 && shown.get(0) < all, "the first half: " + shown);
        assertEquals(shown.get(0), shown.get(1), "a frame 50 ms later takes nothing in");
        assertEquals(all, shown.get(2), "a frame 100 ms later takes in the rest");
    }

    @Test
    void emptyStateOffersCaptureExampleAndDemo(FxRobot robot) {
        assertTrue(robot.lookup("No capture open").tryQuery().isPresent());
        assertTrue(robot.lookup("#emptyDemoButton").query().isVisible());
    }

    @Test
    void tableFillsFromTheStoreAndShowsDecodedColumns(FxRobot robot) throws Exception {
        showCapture(robot);
        assertTrue(robot.lookup("WPUCreateSocketHandle").tryQuery().isPresent());
        assertTrue(robot.lookup("hwnd=0x100042, msg=0x401, wparam=0x100, lparam=0x1 FD_READ").tryQuery().isPresent()
                || controller.viewModel().rows().size() > 0);
        assertFalse(robot.lookup("#upcallCountTable").queryAs(TableView.class).getItems().isEmpty());
    }

    @Test
    void typingInTheFilterBarNarrowsTheTable(FxRobot robot) throws Exception {
        TableView<Integer> table = showCapture(robot);
        robot.clickOn("#errorsOnlyBox");
        waitForRows(ROUNDS / 10);
        robot.clickOn("#resetFilterButton");
        robot.clickOn("#searchField").write("WPUPostMessage");
        waitForRows(ROUNDS);
    }

    @Test
    void filterOnThisValueFromACellMenu(FxRobot robot) throws Exception {
        TableView<Integer> table = showCapture(robot);
        javafx.scene.control.TableCell<?, ?> cell = robot.from(table).lookup(".table-cell")
                .match((javafx.scene.control.TableCell<?, ?> c) -> "WPUCreateEvent".equals(c.getText())).query();
        // the menu the cell offers on a right click
        javafx.scene.control.MenuItem item = cell.getContextMenu().getItems().get(0);
        assertEquals("Filter on this value", item.getText());
        robot.interact(item::fire);
        waitForRows(ROUNDS);
        assertEquals(Upcall.WPU_CREATE_EVENT, controller.viewModel().filterProperty().get().upcall());
    }

    @Test
    void selectingAHandlePanelRowShowsItsEvents(FxRobot robot) throws Exception {
        TableView<Integer> table = showCapture(robot);
        TabPane panels = robot.lookup("#panelTabs").queryAs(TabPane.class);
        robot.interact(() -> panels.getSelectionModel().select(1));
        TableView<?> handles = (TableView<?>) panels.getTabs().get(1).getContent();
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> handles.getItems().size() == ROUNDS + 1);
        robot.interact(() -> handles.getSelectionModel().select(0));
        // the first handle's creation, its context query and its close
        waitForRows(3);
        assertTrue(robot.lookup("#onlyLabel").query().isVisible());
    }

    @Test
    void everyPanelHasATab(FxRobot robot) throws Exception {
        showCapture(robot);
        TabPane panels = robot.lookup("#panelTabs").queryAs(TabPane.class);
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> panels.getTabs().get(10).getText().startsWith("Conformance findings ("));
        java.util.List<String> titles = panels.getTabs().stream().map(t -> t.getText()).toList();
        assertEquals(java.util.List.of("Details", "Handle contexts (41)", "Blocking callbacks", "Posted messages (40)",
                "Event objects (40)", "Thread handles", "APCs", "Overlapped", "Load sessions (1)", "Providers (1)"),
                titles.subList(0, 10));
        // the failed context queries of the unknown handle 0xDEAD are a conformance finding
        assertTrue(titles.get(10).startsWith("Conformance findings ("), titles.get(10));
    }

    @Test
    void theLoadSessionsPanelShowsEachLoadSessionOfAProcessAndHowItEnded(FxRobot robot) throws Exception {
        session = Sessions.of(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(
                System.getProperty("wpuscope.root", "."), "resources", "trace-format", "golden",
                "load-sessions.wputrace")));
        robot.interact(() -> controller.show(session, session.analysis(), "load-sessions", null));
        waitForRows(8);
        TabPane panels = robot.lookup("#panelTabs").queryAs(TabPane.class);
        robot.interact(() -> panels.getSelectionModel().select(8));
        TableView<?> sessions = (TableView<?>) panels.getTabs().get(8).getContent();
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> sessions.getItems().size() == 2);
        assertEquals("Load sessions (2)", panels.getTabs().get(8).getText());
        // the cells appear with the next layout pass, which a loaded machine may delay
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup("ended at WSPCleanup (4 emitted)").tryQuery().isPresent()
                        && robot.lookup("ended at process exit (4 emitted)").tryQuery().isPresent());
        assertTrue(robot.lookup("no error code given").tryQuery().isPresent(), "the Error cell of a call without one");
    }

    @Test
    void sortingByAColumnOrdersTheRowsByItsValue(FxRobot robot) throws Exception {
        TableView<Integer> table = showCapture(robot);
        javafx.scene.control.TableColumn<Integer, ?> error = table.getColumns().stream()
                .filter(c -> "Error".equals(c.getText())).findFirst().orElseThrow();
        robot.interact(() -> table.getSortOrder().setAll(List.of(error)));
        assertEquals(new RowOrder(SortKey.ERROR, false), controller.viewModel().orderProperty().get());
        robot.interact(() -> table.getSortOrder().get(0).setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING));
        assertEquals(new RowOrder(SortKey.ERROR, true), controller.viewModel().orderProperty().get());
        RowIndexList rows = controller.viewModel().rows();
        assertEquals(ROUNDS * SyntheticCapture.UPCALLS_PER_ROUND, rows.size());
        for (int i = 0; i < ROUNDS / 10; i++) {
            assertEquals(10038, session.error(rows.get(i)), "failures first");
        }
        assertEquals(0, session.error(rows.get(ROUNDS / 10)));
        assertEquals(rows.get(0), table.getItems().get(0), "a sorted table shows its first rows");
        robot.interact(() -> table.getSortOrder().clear());
        assertEquals(null, controller.viewModel().orderProperty().get());
        assertEquals(0, rows.get(0));
    }

    @Test
    void theColumnsMenuHidesAColumnAndPreferencesRememberIt(FxRobot robot) throws Exception {
        TableView<Integer> table = showCapture(robot);
        java.util.prefs.Preferences node = java.util.prefs.Preferences.userRoot()
                .node("dev/wpuscope/test-columns/" + System.nanoTime());
        try {
            dev.wpuscope.ui.UserPreferences preferences = new dev.wpuscope.ui.UserPreferences(node);
            robot.interact(() -> controller.rememberColumns(preferences));
            javafx.scene.control.MenuButton columns = robot.lookup("#columnsButton").queryAs(
                    javafx.scene.control.MenuButton.class);
            javafx.scene.control.CheckMenuItem pid = (javafx.scene.control.CheckMenuItem) columns.getItems().stream()
                    .filter(item -> "PID".equals(item.getText())).findFirst().orElseThrow();
            robot.interact(() -> pid.setSelected(false));
            assertFalse(table.getColumns().stream().filter(c -> "PID".equals(c.getText())).findFirst()
                    .orElseThrow().isVisible());
            assertFalse(preferences.flag("traffic.column.pidColumn.visible", true));

            // a new window restores it hidden
            robot.interact(() -> {
                TrafficViewController again = FxViews.show(new Stage(), "traffic/TrafficView.fxml", 800, 600);
                again.rememberColumns(preferences);
                assertFalse(again.eventTable().getColumns().stream().filter(c -> "PID".equals(c.getText()))
                        .findFirst().orElseThrow().isVisible());
                assertTrue(again.eventTable().getColumns().get(0).isVisible());
                again.stop();
                again.eventTable().getScene().getWindow().hide();
            });
        } finally {
            node.removeNode();
        }
    }

    @Test
    void selectingARowShowsItsDetails(FxRobot robot) throws Exception {
        TableView<Integer> table = showCapture(robot);
        robot.interact(() -> controller.rowWindow().scrollTo(0));
        robot.clickOn(rowShowing(robot, table, 2));
        assertEquals("event 3: WPUPostMessage", controller.viewModel().selectionSummaryProperty().get());
        assertEquals(2, table.getSelectionModel().getSelectedIndex());
        assertFalse(robot.lookup("#detailTable").queryAs(TableView.class).getItems().isEmpty());
    }

    private static javafx.scene.Node rowShowing(FxRobot robot, TableView<Integer> table, int row) {
        return robot.from(table).lookup(".table-row-cell")
                .match((javafx.scene.control.TableRow<Integer> r) -> Integer.valueOf(row).equals(r.getItem())).query();
    }
}
