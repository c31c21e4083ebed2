package dev.wpuscope.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** What the app remembers between runs (java.util.prefs): window layout, theme, recent files. */
public final class UserPreferences {
    private static final String RECENT_PREFIX = "recent.";

    private final Preferences node;

    public UserPreferences(Preferences node) {
        this.node = node;
    }

    /** The user's preferences node of the application. */
    public static UserPreferences forUser() {
        return new UserPreferences(Preferences.userRoot().node("dev/wpuscope/ui"));
    }

    public Theme theme() {
        try {
            return Theme.valueOf(node.get("theme", Theme.LIGHT.name()));
        } catch (IllegalArgumentException unknown) {
            return Theme.LIGHT;
        }
    }

    public void setTheme(Theme theme) {
        write(() -> node.put("theme", theme.name()));
    }

    /** A remembered number (window bounds, divider positions), or {@code fallback}. */
    public double number(String key, double fallback) {
        return node.getDouble(key, fallback);
    }

    public void setNumber(String key, double value) {
        write(() -> node.putDouble(key, value));
    }

    public boolean flag(String key, boolean fallback) {
        return node.getBoolean(key, fallback);
    }

    public void setFlag(String key, boolean value) {
        write(() -> node.putBoolean(key, value));
    }

    public RecentFiles recentFiles() {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < RecentFiles.LIMIT; i++) {
            String path = node.get(RECENT_PREFIX + i, null);
            if (path != null) {
                paths.add(path);
            }
        }
        return new RecentFiles(paths);
    }

    public void setRecentFiles(RecentFiles recent) {
        List<String> paths = recent.paths();
        write(() -> {
            for (int i = 0; i < RecentFiles.LIMIT; i++) {
                if (i < paths.size()) {
                    node.put(RECENT_PREFIX + i, paths.get(i));
                } else {
                    node.remove(RECENT_PREFIX + i);
                }
            }
        });
    }

    /** Writes unless the node was removed meanwhile (by another instance): preferences never stop the app. */
    private static void write(Runnable change) {
        try {
            change.run();
        } catch (IllegalStateException removed) {
            // the node is gone; there is nothing left to remember into
        }
    }

    /** Writes pending changes; a failing backing store only loses the preferences, never the app. */
    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException | IllegalStateException ignored) {
            // preferences are a convenience: nothing to tell the user
        }
    }
}
