package dev.wpuscope.ui;

import java.util.List;

/** The two colour themes; each is a palette stylesheet followed by the shared one. */
public enum Theme {
    LIGHT("theme-light.css"),
    DARK("theme-dark.css");

    private final String palette;

    Theme(String palette) {
        this.palette = palette;
    }

    /** Stylesheet URLs to put on a scene, in order. */
    public List<String> stylesheets() {
        return List.of(resource(palette), resource("wpuscope.css"));
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    private static String resource(String name) {
        return Theme.class.getResource(name).toExternalForm();
    }
}
