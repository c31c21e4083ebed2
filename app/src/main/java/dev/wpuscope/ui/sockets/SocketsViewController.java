package dev.wpuscope.ui.sockets;

import dev.wpuscope.trace.analysis.Finding;
import dev.wpuscope.trace.store.CallTree;
import dev.wpuscope.trace.store.EventStore;
import dev.wpuscope.trace.store.EventText;
import dev.wpuscope.trace.store.SocketLives;
import dev.wpuscope.ui.Cells;
import dev.wpuscope.ui.Nodes;
import dev.wpuscope.ui.traffic.CaptureSession;
import dev.wpuscope.ui.traffic.TrafficFilter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.StackPane;

/**
 * Controller of SocketsView.fxml: every socket of the capture with its provider, state and counts; the selected
 * socket's life as a tree (creation, calls, close, with the upcalls nested in each call) and as lanes over time, and
 * what the conformance analyzers found about it. A socket's menu (or a double-click) shows its calls in Live Traffic.
 * While on screen, reads what the store gained and refreshes the list twice a second.
 */
public final class SocketsViewController {
    private static final long REFRESH_NANOS = 500_000_000L;
    private static final String FINDING_ROW = "finding-linked";

    private final SocketLanes lanes = new SocketLanes();
    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            advanceFrame(now);
        }
    };
    private CaptureSession session;
    private SocketOverview overview;
    private long lastRefresh;
    /** The selected socket's call count when its timeline was drawn, to redraw it when it grows. */
    private long timelineCalls = -1;
    private Set<Integer> findingRows = Set.of();
    private Consumer<TrafficFilter> showCalls = filter -> { };

    @FXML private StackPane root;
    @FXML private SplitPane split;
    @FXML private Label socketsTitle;
    @FXML private Label timelineTitle;
    @FXML private TableView<SocketRow> socketTable;
    @FXML private TableColumn<SocketRow, String> pidColumn;
    @FXML private TableColumn<SocketRow, String> socketColumn;
    @FXML private TableColumn<SocketRow, String> providerColumn;
    @FXML private TableColumn<SocketRow, String> createdByColumn;
    @FXML private TableColumn<SocketRow, String> stateColumn;
    @FXML private TableColumn<SocketRow, Long> callsColumn;
    @FXML private TableColumn<SocketRow, Long> upcallsColumn;
    @FXML private TableColumn<SocketRow, Long> bytesColumn;
    @FXML private TableColumn<SocketRow, Long> failuresColumn;
    @FXML private TableColumn<SocketRow, Integer> findingsColumn;
    @FXML private TreeTableView<Integer> timelineTree;
    @FXML private TreeTableColumn<Integer, String> callColumn;
    @FXML private TreeTableColumn<Integer, String> atColumn;
    @FXML private TreeTableColumn<Integer, String> tidColumn;
    @FXML private TreeTableColumn<Integer, String> durationColumn;
    @FXML private TreeTableColumn<Integer, String> argumentsColumn;
    @FXML private TreeTableColumn<Integer, String> resultColumn;
    @FXML private TreeTableColumn<Integer, String> errorColumn;
    @FXML private ScrollPane laneScroll;
    @FXML private ListView<String> findingList;

    @FXML
    private void initialize() {
        Cells.text(pidColumn, r -> Integer.toString(r.socket().pid()));
        Cells.text(socketColumn, r -> EventText.hex(r.socket().socket()));
        Cells.text(providerColumn, r -> EventText.providerLabel(r.socket().provider()));
        Cells.text(createdByColumn, r -> r.socket().origin());
        Cells.text(stateColumn, SocketRow::state);
        Cells.value(callsColumn, r -> r.socket().downcalls());
        Cells.value(upcallsColumn, r -> r.socket().upcalls());
        Cells.value(bytesColumn, SocketRow::bytes);
        Cells.value(failuresColumn, r -> r.socket().failures());
        Cells.value(findingsColumn, r -> r.findings().size());
        socketTable.setPlaceholder(new Label("No sockets yet: a socket appears when WSPSocket, WSPAccept or a "
                + "handle upcall creates it, or a call names it."));
        socketTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> showTimeline(row));
        socketTable.setRowFactory(table -> {
            TableRow<SocketRow> row = new TableRow<>();
            MenuItem show = new MenuItem("Show its calls in Live Traffic");
            show.setOnAction(event -> showCallsOf(row.getItem()));
            show.disableProperty().bind(row.emptyProperty());
            row.setContextMenu(new ContextMenu(show));
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && !row.isEmpty()) {
                    showCallsOf(row.getItem());
                }
            });
            return row;
        });
        timelineColumn(callColumn, row -> session.store().callName(row));
        timelineColumn(tidColumn, row -> Integer.toString(session.store().tid(row)));
        timelineColumn(durationColumn, row -> SocketLanes.millis(session.store().duration(row)));
        timelineColumn(argumentsColumn, row -> EventText.arguments(session.store(), row));
        timelineColumn(resultColumn, row -> EventText.result(session.store(), row));
        timelineColumn(errorColumn, row -> EventText.error(session.store(), row));
        timelineTree.setPlaceholder(new Label("Select a socket to see its life: creation, calls and close, with the "
                + "upcalls the provider made inside each call."));
        timelineTree.setRowFactory(tree -> new TreeTableRow<>() {
            @Override
            protected void updateItem(Integer row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove(FINDING_ROW);
                if (!empty && row != null && findingRows.contains(row)) {
                    getStyleClass().add(FINDING_ROW);
                }
            }
        });
        laneScroll.setContent(lanes);
        findingList.setPlaceholder(new Label("No findings about this socket."));
        findingList.setCellFactory(list -> new ListCell<>() {
            {
                setWrapText(true);
                prefWidthProperty().bind(list.widthProperty().subtract(24));
            }

            @Override
            protected void updateItem(String finding, boolean empty) {
                super.updateItem(finding, empty);
                setText(empty ? null : finding);
            }
        });
        frames.start();
    }

    private void timelineColumn(TreeTableColumn<Integer, String> column, IntFunction<String> text) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                cell.getValue() == null || cell.getValue().getValue() == null ? ""
                        : text.apply(cell.getValue().getValue())));
    }

    /** Shows the sockets of {@code shown} (the capture the Live Traffic view shows). */
    public void show(CaptureSession shown) {
        session = shown;
        overview = new SocketOverview(shown);
        socketTable.getItems().clear();
        showTimeline(null);
        refresh();
    }

    /**
     * One frame: while on screen, twice a second, reads the rows the store gained and shows what changed. Off screen
     * it reads nothing: the rows wait in the store (reading them per frame would take the CPU an opening capture
     * needs), and the first refresh on screen reads them all.
     */
    void advanceFrame(long now) {
        if (overview != null && now - lastRefresh >= REFRESH_NANOS && Nodes.isShowing(root)) {
            lastRefresh = now;
            refresh();
        }
    }

    /** Shows the sockets now, keeping the selection on the same socket; redraws its timeline when it grew. */
    public void refresh() {
        overview.update();
        List<SocketRow> rows = overview.rows(session.analysis().findings());
        if (!rows.equals(socketTable.getItems())) {
            SocketRow selected = socketTable.getSelectionModel().getSelectedItem();
            socketTable.getItems().setAll(rows);
            if (selected != null && selected.socket().index() < rows.size()) {
                socketTable.getSelectionModel().select(selected.socket().index());
            }
        }
        socketsTitle.setText("Sockets (" + rows.size() + ")");
        SocketRow selected = socketTable.getSelectionModel().getSelectedItem();
        if (selected != null && calls(selected.socket()) != timelineCalls) {
            showTimeline(selected);
        }
    }

    private static long calls(SocketLives.Socket socket) {
        return socket.downcalls() + socket.upcalls();
    }

    private void showTimeline(SocketRow selected) {
        if (selected == null) {
            timelineCalls = -1;
            timelineTree.setRoot(null);
            lanes.show(null, null);
            findingList.getItems().clear();
            timelineTitle.setText("Timeline");
            return;
        }
        SocketLives.Socket socket = selected.socket();
        timelineCalls = calls(socket);
        CallTree timeline = overview.lives().timeline(socket.index());
        EventStore store = session.store();
        findingRows = selected.findings().stream().map(f -> session.rowOf(f.pid(), f.offset()))
                .collect(Collectors.toSet());
        // from the earliest row: a row nested in a call may carry a start before the call's
        long first = IntStream.range(0, timeline.size()).mapToLong(i -> store.time(timeline.row(i))).min().orElse(0);
        timelineColumn(atColumn, row -> "+" + SocketLanes.millis(store.time(row) - first));
        timelineTree.setRoot(tree(timeline));
        lanes.show(store, timeline);
        findingList.getItems().setAll(selected.findings().stream().map(SocketsViewController::describe).toList());
        timelineTitle.setText("Timeline of socket " + EventText.hex(socket.socket()) + " (pid " + socket.pid()
                + ", " + selected.state() + ")");
    }

    private static String describe(Finding finding) {
        return finding.severity() + "  " + finding.kind().label() + ": " + finding.message();
    }

    /** The timeline's rows as tree items, each under the call it ran inside, all expanded. */
    private static TreeItem<Integer> tree(CallTree timeline) {
        TreeItem<Integer> top = new TreeItem<>();
        Deque<TreeItem<Integer>> path = new ArrayDeque<>();
        path.push(top);
        for (int i = 0; i < timeline.size(); i++) {
            while (path.size() > timeline.depth(i) + 1) {
                path.pop();
            }
            TreeItem<Integer> item = new TreeItem<>(timeline.row(i));
            item.setExpanded(true);
            path.peek().getChildren().add(item);
            path.push(item);
        }
        return top;
    }

    /** {@code show} is given a filter for exactly a socket's calls when they are asked for (menu, double-click). */
    public void setShowCalls(Consumer<TrafficFilter> show) {
        showCalls = show;
    }

    /** Asks for the calls of {@code row}'s socket, with what ran inside them, in Live Traffic. */
    private void showCallsOf(SocketRow row) {
        CallTree timeline = overview.lives().timeline(row.socket().index());
        Set<TrafficFilter.EventId> events = new HashSet<>();
        for (int i = 0; i < timeline.size(); i++) {
            int event = timeline.row(i);
            events.add(new TrafficFilter.EventId(session.pid(event), session.offset(event)));
        }
        showCalls.accept(TrafficFilter.NONE.withOnly(new TrafficFilter.EventSet("socket "
                + EventText.hex(row.socket().socket()) + " of pid " + row.socket().pid(), events)));
    }

    /** Selects the socket at {@code index} of the list (the order sockets were first seen). */
    public void selectSocket(int index) {
        socketTable.getSelectionModel().select(index);
        socketTable.scrollTo(index);
    }

    public TableView<SocketRow> socketTable() {
        return socketTable;
    }

    /** The lines' source: what it has read of the store so far. */
    SocketOverview overview() {
        return overview;
    }

    public TreeTableView<Integer> timelineTree() {
        return timelineTree;
    }

    public SplitPane split() {
        return split;
    }

    public void stop() {
        frames.stop();
    }
}
