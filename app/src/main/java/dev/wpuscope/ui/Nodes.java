package dev.wpuscope.ui;

import javafx.scene.Node;

/** Showing and hiding nodes so that hidden ones take no room. */
public final class Nodes {

    private Nodes() {
    }

    public static void setShown(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }
}
