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

    /** Whether {@code node} is on screen: in a scene, it and every parent visible (a tab not selected hides it). */
    public static boolean isShowing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }
}
