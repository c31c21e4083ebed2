package dev.wpuscope.ui.sockets;

import dev.wpuscope.trace.model.Downcall;
import dev.wpuscope.trace.store.CallTree;
import dev.wpuscope.trace.store.EventStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * A socket's life as lanes over time, the way Procmon's and Wireshark's timelines show it: one lane per thread, each
 * call a bar from its start to its end (at least a few pixels wide), the calls nested in a call on the lines below
 * it, downcalls, upcalls, overlapped calls left pending and failures told apart by style class ({@code lane-downcall},
 * {@code lane-upcall}, {@code lane-pending}, {@code lane-failed}); a tooltip names the call, when it started after the socket's first call, and how long it took.
 * The time axis runs from the first call's start to the last call's end. At most {@link #MAX_BARS} bars.
 */
final class SocketLanes extends Pane {
    static final int MAX_BARS = 2000;
    private static final double LABEL_WIDTH = 90;
    private static final double LINE_HEIGHT = 18;
    private static final double LANE_GAP = 8;
    private static final double AXIS_HEIGHT = 20;
    private static final double MIN_BAR = 3;
    private static final double RIGHT_MARGIN = 12;
    /** A bar this wide or wider carries the call's name. */
    private static final double NAMED_BAR = 70;

    private EventStore store;
    private CallTree timeline;

    SocketLanes() {
        getStyleClass().add("socket-lanes");
        widthProperty().addListener((obs, old, width) -> draw());
    }

    /** Shows {@code tree} (rows of {@code rows}); null clears the view. */
    void show(EventStore rows, CallTree tree) {
        this.store = rows;
        this.timeline = tree;
        draw();
    }

    private void draw() {
        getChildren().clear();
        if (timeline == null || timeline.size() == 0) {
            setPrefHeight(0);
            return;
        }
        int count = Math.min(timeline.size(), MAX_BARS);
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        Map<Integer, Integer> depthOfLane = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            int row = timeline.row(i);
            start = Math.min(start, store.time(row));
            end = Math.max(end, store.time(row) + store.duration(row));
            depthOfLane.merge(store.tid(row), timeline.depth(i), Math::max);
        }
        Map<Integer, Double> laneTop = new LinkedHashMap<>();
        double y = 0;
        for (Map.Entry<Integer, Integer> lane : depthOfLane.entrySet()) {
            laneTop.put(lane.getKey(), y);
            Label name = new Label("tid " + lane.getKey());
            name.getStyleClass().add("lane-name");
            name.relocate(4, y);
            double height = (lane.getValue() + 1) * LINE_HEIGHT;
            Region band = new Region();
            band.getStyleClass().add("lane-band");
            band.resizeRelocate(0, y, Math.max(0, getWidth()), height);
            getChildren().addAll(band, name);
            y += height + LANE_GAP;
        }
        double span = Math.max(1, end - start);
        double plot = Math.max(10, getWidth() - LABEL_WIDTH - RIGHT_MARGIN);
        for (int i = 0; i < count; i++) {
            int row = timeline.row(i);
            double x = LABEL_WIDTH + (store.time(row) - start) / span * plot;
            double width = Math.max(MIN_BAR, store.duration(row) / span * plot);
            getChildren().add(bar(row, start, x, laneTop.get(store.tid(row)) + timeline.depth(i) * LINE_HEIGHT + 2,
                    width));
        }
        addAxis(y, end - start);
        setPrefHeight(y + AXIS_HEIGHT);
        setMinHeight(y + AXIS_HEIGHT);
    }

    private Region bar(int row, long start, double x, double y, double width) {
        List<String> classes = new ArrayList<>(List.of("lane-bar", store.isDowncall(row) ? "lane-downcall"
                : "lane-upcall"));
        boolean pending = store.isDowncall(row) && store.error(row) == Downcall.WSA_IO_PENDING;
        if (pending) {
            classes.add("lane-pending");
        } else if (store.failed(row)) {
            classes.add("lane-failed");
        }
        Label bar = new Label(width >= NAMED_BAR ? store.callName(row) : "");
        bar.getStyleClass().addAll(classes);
        bar.resizeRelocate(x, y, width, LINE_HEIGHT - 4);
        bar.setMinWidth(width);
        bar.setPrefWidth(width);
        bar.setMaxWidth(width);
        Tooltip.install(bar, new Tooltip(store.callName(row) + " at +" + millis(store.time(row) - start) + ", took "
                + millis(store.duration(row)) + (pending ? " (pending: WSA_IO_PENDING)"
                : store.failed(row) ? " (failed)" : "")));
        return bar;
    }

    private void addAxis(double y, long span) {
        Label from = new Label("0 ms");
        Label to = new Label("+" + millis(span));
        from.getStyleClass().add("lane-axis");
        to.getStyleClass().add("lane-axis");
        from.relocate(LABEL_WIDTH, y);
        to.relocate(Math.max(LABEL_WIDTH + 60, getWidth() - RIGHT_MARGIN - 90), y);
        getChildren().addAll(from, to);
    }

    /** A span in 100 ns units as milliseconds: {@code 1.234 ms}. */
    static String millis(long hundredNanos) {
        return String.format("%.3f ms", hundredNanos / 10_000.0);
    }
}
