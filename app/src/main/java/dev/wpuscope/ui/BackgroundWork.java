package dev.wpuscope.ui;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.stage.Stage;

/** Runs the main window's slow work (reading, saving, starting) off the FX thread; a failure becomes a dialog. */
final class BackgroundWork {
    private final Stage stage;
    private final Consumer<Path> forgetRecent;

    /** {@code forgetRecent} is told the file a failed work was about, so the recent files no longer offer it. */
    BackgroundWork(Stage stage, Consumer<Path> forgetRecent) {
        this.stage = stage;
        this.forgetRecent = forgetRecent;
    }

    /** Runs {@code work} off the FX thread, then {@code done} on it; shows its failure as a dialog about {@code file}. */
    <T> void run(String title, Sources.Work<T> work, Consumer<T> done, Path file) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.run();
            }
        };
        task.setOnSucceeded(event -> done.accept(task.getValue()));
        task.setOnFailed(event -> {
            if (file != null) {
                forgetRecent.accept(file);
            }
            Dialogs.showError(stage, title + " failed", task.getException());
        });
        start(task);
    }

    static void start(Task<?> task) {
        Daemons.start(task, "wpuscope-background");
    }
}
