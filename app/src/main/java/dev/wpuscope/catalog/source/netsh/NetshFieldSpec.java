package dev.wpuscope.catalog.source.netsh;

/** One field position of a netsh block: its English label (for messages only) and the shape of its value. */
interface NetshFieldSpec {

    /** The English label, used in messages; never used to find the field. */
    String englishLabel();

    ValueShape shape();

    /** Whether the line may be absent from a complete block. */
    boolean optional();
}
