package dev.wpuscope.ui.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wpuscope.trace.analysis.CallStatistics.FunctionStatistics;
import dev.wpuscope.ui.FxViews;
import dev.wpuscope.ui.traffic.CaptureSession;
import dev.wpuscope.ui.traffic.SpiCapture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Statistics view on the golden SPI conversation (headless). */
@ExtendWith(ApplicationExtension.class)
class StatisticsViewTest {
    private StatisticsViewController controller;

    @Start
    void start(Stage stage) {
        controller = FxViews.show(stage, "statistics/StatisticsView.fxml", 1100, 700);
    }

    private TableView<FunctionStatistics> showCapture(FxRobot robot) throws Exception {
        CaptureSession session = SpiCapture.session();
        robot.interact(() -> controller.show(session.analysis().calls()));
        TableView<FunctionStatistics> table = controller.table();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 16);
        return table;
    }

    @Test
    void everyFunctionWithCountFailuresAndPercentiles(FxRobot robot) throws Exception {
        TableView<FunctionStatistics> table = showCapture(robot);
        FunctionStatistics close = table.getItems().stream().filter(f -> f.name().equals("WSPCloseSocket"))
                .findFirst().orElseThrow();
        assertEquals(2, close.calls());
        assertEquals(1, close.failures());
        robot.clickOn("WSPCloseSocket");
        assertEquals(close, table.getSelectionModel().getSelectedItem());
        assertEquals(List.of("2", "1", "50.0 %", "0.3 µs", "2.0 µs", "2.0 µs"), cellsOfSelectedRow(robot));
    }

    @Test
    void numbersSortAsNumbersAndADoubleClickAsksForTheCalls(FxRobot robot) throws Exception {
        TableView<FunctionStatistics> table = showCapture(robot);
        robot.clickOn("Max").clickOn("Max");
        List<Long> max = table.getItems().stream().map(FunctionStatistics::maxNanos).toList();
        assertEquals(max.stream().sorted(java.util.Comparator.reverseOrder()).toList(), max, "descending");
        List<String> asked = new ArrayList<>();
        robot.interact(() -> controller.setShowCalls(asked::add));
        FunctionStatistics recv = table.getItems().stream().filter(f -> f.name().equals("WSPRecv")).findFirst()
                .orElseThrow();
        robot.interact(() -> {
            table.getSelectionModel().select(recv);
            table.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        assertEquals(List.of("WSPRecv"), asked);
        TableRow<?> send = robot.lookup(".table-row-cell").match((TableRow<FunctionStatistics> r) -> !r.isEmpty()
                && r.getItem().name().equals("WSPSend")).query();
        robot.interact(() -> send.fireEvent(new MouseEvent(MouseEvent.MOUSE_CLICKED, 5, 5, 5, 5, MouseButton.PRIMARY,
                2, false, false, false, false, true, false, false, true, false, false, null)));
        assertEquals(List.of("WSPRecv", "WSPSend"), asked, "a double click");
    }

    private List<String> cellsOfSelectedRow(FxRobot robot) {
        TableRow<?> row = robot.lookup(".table-row-cell").match((TableRow<?> r) -> r.isSelected()).query();
        return row.lookupAll(".number-column").stream()
                .map(cell -> ((javafx.scene.control.TableCell<?, ?>) cell).getText()).toList();
    }
}
