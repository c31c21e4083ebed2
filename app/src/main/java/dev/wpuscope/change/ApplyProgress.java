package dev.wpuscope.change;

/** Receives each step of an install or removal as it happens (for a CLI log or a GUI progress list). */
@FunctionalInterface
public interface ApplyProgress {

    void step(String message);
}
