package dev.wpuscope.ui;

import dev.wpuscope.ui.UserMessages.UserFacingException;
import dev.wpuscope.ui.traffic.TrafficEvents;
import java.nio.file.Path;
import javafx.concurrent.Task;

/** Reads a whole capture into an event store in the background, reporting progress; cancellable. */
final class CaptureLoading extends Task<TrafficEvents> {
    private final Path file;

    CaptureLoading(Path file) {
        this.file = file;
    }

    @Override
    protected TrafficEvents call() throws Exception {
        throw new UserFacingException(file + ": opening captures needs the trace store, which this build does not "
                + "include yet.");
    }
}
