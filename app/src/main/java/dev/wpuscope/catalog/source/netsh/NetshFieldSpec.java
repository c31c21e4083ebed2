package dev.wpuscope.catalog.source.netsh;

/** A field position of a netsh block kind (an enum of the fields in printed order). */
interface NetshFieldSpec {

    /**
     * How the field's line looks.
     *
     * @param englishLabel the English label, used in messages only, never to find the field
     * @param shape        the shape of its value
     * @param optional     whether the line may be absent from a complete block
     */
    record Format(String englishLabel, ValueShape shape, boolean optional) {
    }

    Format format();

    default String englishLabel() {
        return format().englishLabel();
    }

    default ValueShape shape() {
        return format().shape();
    }

    default boolean optional() {
        return format().optional();
    }
}
