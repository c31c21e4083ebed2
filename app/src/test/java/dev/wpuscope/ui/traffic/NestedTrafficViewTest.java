package dev.wpuscope.ui.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.trace.model.Downcall;
import dev.wpuscope.trace.store.RowKind;
import dev.wpuscope.ui.FxViews;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Live Traffic on the golden SPI conversation: calls with what ran inside them, collapsed and expanded (headless). */
@ExtendWith(ApplicationExtension.class)
class NestedTrafficViewTest {
    private TrafficViewController controller;
    private TableView<Integer> table;

    @Start
    void start(Stage stage) {
        controller = FxViews.show(stage, "traffic/TrafficView.fxml", 1240, 760);
    }

    private void showCapture(FxRobot robot) throws Exception {
        CaptureSession session = Sessions.of(SpiCapture.bytes());
        robot.interact(() -> controller.show(session, session.analysis(), "spi", null));
        table = robot.lookup("#eventTable").queryAs(TableView.class);
        waitForRows(SpiCapture.NESTED.size());
    }

    private void waitForRows(int count) throws java.util.concurrent.TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> controller.viewModel().rows().size() == count);
    }

    /** The Call cell that shows {@code name} at the indent of {@code depth} levels. */
    private TableCell<?, ?> callCell(FxRobot robot, String name) {
        return robot.from(table).lookup(".table-cell").match((TableCell<?, ?> c) -> name.equals(c.getText())
                && c.getGraphic() instanceof Label).query();
    }

    private static Label disclosure(TableCell<?, ?> cell) {
        return (Label) cell.getGraphic();
    }

    @Test
    void aCallShowsWhatRanInsideItIndentedAndCollapsesAndExpands(FxRobot robot) throws Exception {
        showCapture(robot);
        TableCell<?, ?> socket = callCell(robot, "WSPSocket");
        TableCell<?, ?> created = callCell(robot, "WPUCreateSocketHandle");
        assertEquals("▾", disclosure(socket).getText());
        assertEquals("", disclosure(created).getText());
        assertTrue(disclosure(created).getWidth() > disclosure(socket).getWidth(), "the nested upcall is indented");
        assertEquals(socket.getTableRow().getIndex() + 1, created.getTableRow().getIndex(), "right under its call");

        robot.clickOn(disclosure(socket));
        waitForRows(SpiCapture.NESTED.size() - 1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "▸".equals(disclosure(callCell(robot, "WSPSocket"))
                .getText()));
        robot.clickOn(disclosure(callCell(robot, "WSPSocket")));
        waitForRows(SpiCapture.NESTED.size());

        robot.clickOn(callCell(robot, "WSPSelect"));
        robot.type(KeyCode.LEFT);
        waitForRows(SpiCapture.NESTED.size() - 1);
        robot.type(KeyCode.RIGHT);
        waitForRows(SpiCapture.NESTED.size());
    }

    @Test
    void theCallsFilterShowsDowncallsUpcallsOrBoth(FxRobot robot) throws Exception {
        showCapture(robot);
        ComboBox<RowKind> kinds = robot.lookup("#kindBox").queryAs(ComboBox.class);
        robot.clickOn(kinds).clickOn("upcalls");
        waitForRows(4);
        assertEquals(RowKind.UPCALL, controller.viewModel().filterProperty().get().kind());
        robot.clickOn(kinds).clickOn("downcalls");
        waitForRows(13);
        robot.clickOn("#searchField").write("WSPCloseSocket");
        waitForRows(2);
        robot.clickOn("#resetFilterButton");
        waitForRows(SpiCapture.NESTED.size());
        assertEquals(null, kinds.getValue());
    }

    @Test
    void filterOnAFunctionFromTheCallCell(FxRobot robot) throws Exception {
        showCapture(robot);
        TableCell<?, ?> recv = callCell(robot, "WSPRecv");
        robot.interact(() -> recv.getContextMenu().getItems().get(0).fire());
        waitForRows(1);
        assertEquals(Downcall.WSP_RECV, controller.viewModel().filterProperty().get().function());
        assertEquals(Downcall.WSP_RECV, robot.lookup("#functionBox").queryAs(ComboBox.class).getValue());
    }
}
