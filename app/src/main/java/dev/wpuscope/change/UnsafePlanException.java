package dev.wpuscope.change;

import java.util.List;

/** A plan that wpuscope refuses to carry out, with every reason, each readable on its own. */
public final class UnsafePlanException extends Exception {

    private final List<String> reasons;

    public UnsafePlanException(List<String> reasons) {
        super("refused: " + String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
