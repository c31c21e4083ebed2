package dev.wpuscope.ui.sockets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.trace.io.TraceDecoder;
import dev.wpuscope.ui.FxViews;
import dev.wpuscope.ui.traffic.CaptureSession;
import dev.wpuscope.ui.traffic.SpiCapture;
import dev.wpuscope.ui.traffic.TrafficFilter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Sockets panel on the golden SPI conversation, driven through its controls (headless). */
@ExtendWith(ApplicationExtension.class)
class SocketsViewTest {
    private SocketsViewController controller;
    private CaptureSession session;

    @Start
    void start(Stage stage) {
        controller = FxViews.show(stage, "sockets/SocketsView.fxml", 1240, 760);
    }

    private void showCapture(FxRobot robot) throws Exception {
        session = SpiCapture.session();
        robot.interact(() -> controller.show(session));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> controller.socketTable().getItems().size() == 2);
    }

    /** The names of {@code item}'s children, each followed by its own children's names in brackets. */
    private List<String> names(TreeItem<Integer> item) {
        return item.getChildren().stream().map(child -> session.store().callName(child.getValue())
                + (child.getChildren().isEmpty() ? "" : " " + names(child))).toList();
    }

    @Test
    void offScreenTheViewReadsNothingAndOnScreenItCatchesUp(FxRobot robot) throws Exception {
        CaptureSession growing = new CaptureSession("growing");
        robot.interact(() -> {
            controller.show(growing);
            controller.socketTable().getScene().getRoot().setVisible(false);
        });
        byte[] capture = SpiCapture.bytes();
        TraceDecoder decoder = new TraceDecoder("growing", growing);
        decoder.feed(capture, 0, capture.length);
        decoder.finish();
        Thread.sleep(1500); // three refresh periods
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, controller.overview().lives().sockets().size(), "hidden: nothing read");
        assertEquals(0, controller.socketTable().getItems().size());
        robot.interact(() -> controller.socketTable().getScene().getRoot().setVisible(true));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> controller.socketTable().getItems().size() == 2);
    }

    @Test
    void selectingASocketShowsItsWholeLifeWithTheUpcallsNestedInItsCalls(FxRobot robot) throws Exception {
        showCapture(robot);
        robot.clickOn("0x2C8");
        TreeTableView<Integer> tree = controller.timelineTree();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> tree.getRoot() != null);
        assertEquals(List.of("WSPSocket [WPUCreateSocketHandle]", "WSPConnect", "WSPAsyncSelect", "WPUPostMessage",
                "WSPSend", "WSPRecv", "WPUCompleteOverlappedRequest", "WSPIoctl", "WSPCloseSocket [WPUCloseSocketHandle]",
                "WSPCloseSocket"), names(tree.getRoot()));
        assertEquals(12, robot.lookup(".lane-bar").queryAll().size(), "a bar per call in the lanes");
        assertEquals(2, robot.lookup(".lane-name").queryAll().size(), "the caller's thread and the provider's");
        assertEquals(2, robot.lookup(".lane-failed").queryAll().size(), "the connect and the second close");
        assertEquals(1, robot.lookup(".lane-pending").queryAll().size(), "the overlapped receive");
        ListView<String> findings = robot.lookup("#findingList").queryAs(ListView.class);
        assertEquals(1, findings.getItems().size());
        assertTrue(findings.getItems().get(0).contains("call on a socket after its close"), findings.getItems().get(0));
        assertTrue(robot.lookup("Timeline of socket 0x2C8 (pid 4242, closed, used after close)").tryQuery()
                .isPresent());
    }

    @Test
    void aSocketsMenuAsksForExactlyItsCallsInLiveTraffic(FxRobot robot) throws Exception {
        showCapture(robot);
        List<TrafficFilter> asked = new java.util.ArrayList<>();
        robot.interact(() -> controller.setShowCalls(asked::add));
        javafx.scene.control.TableRow<SocketRow> first = robot.lookup(".table-row-cell")
                .match((javafx.scene.control.TableRow<SocketRow> r) -> !r.isEmpty() && r.getIndex() == 0).query();
        robot.interact(() -> first.getContextMenu().getItems().get(0).fire());
        assertEquals(1, asked.size());
        TrafficFilter.EventSet only = asked.get(0).only();
        assertEquals("socket 0x2C8 of pid 4242", only.label());
        assertEquals(12, only.events().size(), "its ten calls and the two upcalls nested in them");
    }

    @Test
    void aSocketCreatedBeforeTheCaptureHasTheCallsOnIt(FxRobot robot) throws Exception {
        showCapture(robot);
        TableView<SocketRow> table = controller.socketTable();
        assertEquals("open, created before the capture", table.getItems().get(1).state());
        robot.interact(() -> controller.selectSocket(1));
        assertEquals(List.of("WSPGetSockName", "WSPEnumNetworkEvents"), names(controller.timelineTree().getRoot()));
        assertTrue(robot.lookup("No findings about this socket.").tryQuery().isPresent());
        robot.interact(() -> table.getSelectionModel().clearSelection());
        assertEquals(null, controller.timelineTree().getRoot());
        assertEquals(0, robot.lookup(".lane-bar").queryAll().size());
    }
}
