package dev.wpuscope.catalog.diff;

/**
 * One field that differs between two matched entries, both sides known.
 *
 * @param field  the field's name, e.g. {@code dwServiceFlags1}
 * @param before the value in the first snapshot, formatted
 * @param after  the value in the second snapshot, formatted
 * @param note   what the change means in words, e.g. "removed XP1_IFS_HANDLES"; empty when nothing to add
 */
public record FieldChange(String field, String before, String after, String note) {
}
