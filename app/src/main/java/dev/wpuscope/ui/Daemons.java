package dev.wpuscope.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The GUI's background threads: named, and daemons, so they never keep the app alive after its window closes. */
public final class Daemons {

    private Daemons() {
    }

    /** A single background thread that runs tasks one after the other. */
    public static ExecutorService singleThread(String name) {
        return Executors.newSingleThreadExecutor(task -> thread(task, name));
    }

    /** Runs {@code task} on a thread of its own. */
    public static void start(Runnable task, String name) {
        thread(task, name).start();
    }

    private static Thread thread(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
