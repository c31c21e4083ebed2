package dev.wpuscope.ui;

import java.util.ArrayList;
import java.util.List;

/** Most-recently-used file list: newest first, no duplicates, at most {@link #LIMIT} entries. */
public final class RecentFiles {
    public static final int LIMIT = 8;

    private final List<String> paths = new ArrayList<>();

    public RecentFiles(List<String> initial) {
        for (int i = initial.size() - 1; i >= 0; i--) {
            add(initial.get(i));
        }
    }

    /** Puts {@code path} first, dropping an older copy and the oldest entry beyond the limit. */
    public void add(String path) {
        paths.remove(path);
        paths.add(0, path);
        while (paths.size() > LIMIT) {
            paths.remove(paths.size() - 1);
        }
    }

    public void remove(String path) {
        paths.remove(path);
    }

    public List<String> paths() {
        return List.copyOf(paths);
    }
}
