package dev.wpuscope.trace.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The handle a one-writer class publishes a volatile int field through with a release store ({@link
 * VarHandle#setRelease}): a reader's volatile read that sees the new value sees every write made before it, and on
 * x86 the writer pays a plain store instead of a fenced one.
 */
final class ReleasedInt {

    private ReleasedInt() {
    }

    /** The handle of the int field {@code name} of the class {@code lookup} was made in. */
    static VarHandle field(MethodHandles.Lookup lookup, String name) {
        try {
            return lookup.findVarHandle(lookup.lookupClass(), name, int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
