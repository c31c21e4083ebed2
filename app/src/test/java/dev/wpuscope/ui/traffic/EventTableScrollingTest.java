package dev.wpuscope.ui.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.ui.FxViews;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.input.ScrollEvent;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The event table over many more rows than fit on screen (headless): it holds only the rows on screen, and
 * its scroll bar, the keys and the wheel reach every row.
 */
@ExtendWith(ApplicationExtension.class)
class EventTableScrollingTest {
    private static final int ROUNDS = 2_000;
    private static final int ROWS = ROUNDS * SyntheticCapture.UPCALLS_PER_ROUND;
    private TrafficViewController controller;
    private TableView<Integer> table;
    private ScrollBar bar;
    private RowWindow window;

    @Start
    void start(Stage stage) {
        controller = FxViews.show(stage, "traffic/TrafficView.fxml", 1240, 760);
    }

    private void showCapture(FxRobot robot) throws Exception {
        CaptureSession session = Sessions.of(SyntheticCapture.rounds(ROUNDS));
        robot.interact(() -> controller.show(session, session.analysis(), "synthetic", null));
        table = robot.lookup("#eventTable").queryAs(TableView.class);
        bar = robot.lookup("#eventScrollBar").queryAs(ScrollBar.class);
        window = controller.rowWindow();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.rowCount() == ROWS && window.capacity() > 1
                && table.getItems().size() == window.capacity());
    }

    private int selectedIndex() {
        Integer row = controller.viewModel().selectedRowProperty().get();
        return row == null ? -1 : window.indexOf(row);
    }

    @Test
    void theTableHoldsTheRowsOnScreenAndTheBarSpansAll(FxRobot robot) throws Exception {
        showCapture(robot);
        int capacity = window.capacity();
        assertTrue(capacity > 5 && capacity < 60, "rows on screen: " + capacity);
        assertEquals(ROWS - 1, table.getItems().get(capacity - 1), "follows the end");
        assertEquals(ROWS - capacity, bar.getMax());
        assertEquals(ROWS - capacity, bar.getValue());
        assertTrue(table.lookupAll(".scroll-bar").stream().map(ScrollBar.class::cast)
                .filter(b -> b.getOrientation() == javafx.geometry.Orientation.VERTICAL)
                .allMatch(b -> b.getWidth() == 0 || !b.isVisible()), "the table's own vertical bar takes no room");
        javafx.scene.control.skin.VirtualFlow<?> flow = (javafx.scene.control.skin.VirtualFlow<?>) table.lookup(
                ".virtual-flow");
        assertEquals(0, flow.getFirstVisibleCell().getIndex(), "the table itself never scrolls");
        assertEquals(capacity - 1, flow.getLastVisibleCell().getIndex());
        robot.interact(() -> bar.setValue(1_000));
        assertEquals(1_000, window.top());
        assertEquals(1_000, table.getItems().get(0));
    }

    @Test
    void keysMoveTheSelectionThroughEveryRow(FxRobot robot) throws Exception {
        showCapture(robot);
        robot.clickOn(robot.from(table).lookup(".table-row-cell").match((TableRow<Integer> r) -> !r.isEmpty())
                .<TableRow<Integer>>query());
        robot.type(KeyCode.HOME);
        assertEquals(0, selectedIndex());
        assertEquals(0, window.top());
        assertEquals(0, table.getSelectionModel().getSelectedIndex());
        robot.type(KeyCode.DOWN, 3);
        assertEquals(3, selectedIndex());
        robot.type(KeyCode.PAGE_DOWN);
        int page = window.capacity() - 1;
        assertEquals(3 + page, selectedIndex());
        assertEquals(3 + page - window.capacity() + 1, window.top(), "scrolled just enough");
        robot.type(KeyCode.END);
        assertEquals(ROWS - 1, selectedIndex());
        assertEquals("event " + ROWS + ": " + controller.viewModel().format().call(ROWS - 1),
                controller.viewModel().selectionSummaryProperty().get());
        robot.type(KeyCode.UP);
        assertEquals(ROWS - 2, selectedIndex());
        TableRow<Integer> selected = robot.from(table).lookup(".table-row-cell")
                .match((TableRow<Integer> r) -> Integer.valueOf(ROWS - 2).equals(r.getItem())).query();
        robot.press(KeyCode.CONTROL).clickOn(selected).release(KeyCode.CONTROL);
        assertEquals(ROWS - 2, selectedIndex(), "a Ctrl+click keeps the selected row");
        assertTrue(selected.isSelected(), "and the table still shows it selected");
    }

    @Test
    void theWheelScrollsAndTheSelectionSurvivesOffScreen(FxRobot robot) throws Exception {
        showCapture(robot);
        TableRow<Integer> last = robot.from(table).lookup(".table-row-cell")
                .match((TableRow<Integer> r) -> Integer.valueOf(ROWS - 1).equals(r.getItem())).query();
        robot.clickOn(last);
        assertEquals(ROWS - 1, selectedIndex());
        wheel(robot, last, 10);
        assertTrue(window.top() < ROWS - window.capacity() - 5, "scrolled up to " + window.top());
        assertEquals(-1, table.getSelectionModel().getSelectedIndex(), "selected row is off screen");
        assertEquals(ROWS - 1, selectedIndex(), "but still selected");
        wheel(robot, last, -50);
        assertEquals(ROWS - window.capacity(), window.top());
        assertEquals(window.capacity() - 1, table.getSelectionModel().getSelectedIndex(), "shown again");
    }

    /** A wheel turned {@code lines} notches, as Windows and GTK report it (positive: away from the user, up). */
    private static void wheel(FxRobot robot, Node over, int lines) {
        ScrollEvent event = new ScrollEvent(ScrollEvent.SCROLL, 5, 5, 5, 5, false, false, false, false, false, false,
                0, 40.0 * lines, 0, 40.0 * lines, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.LINES, 3.0 * lines, 0, null);
        robot.interact(() -> Event.fireEvent(over, event));
    }
}
