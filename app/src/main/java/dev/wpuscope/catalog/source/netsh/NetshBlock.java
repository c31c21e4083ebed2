package dev.wpuscope.catalog.source.netsh;

import java.util.List;

/**
 * The {@code label: value} lines of one entry as printed by netsh: normally a title line, a line of dashes and
 * the fields; a dump that starts inside an entry yields a block without title and dashes ({@code headed} false).
 *
 * @param firstLine         line number of the title (or of the dashes, or of the first field when not headed)
 * @param title             the title line, {@code null} when absent
 * @param headed            whether the block starts with its dashes line, i.e. its first field is the first of the entry
 * @param fields            the field lines in order
 * @param cutByEnd          whether the dump ends inside this block: its last line ends the dump without the blank
 *                          line netsh prints after every block
 * @param lastFieldMayBeCut whether that last line is a field line, whose value may then be cut off
 */
record NetshBlock(int firstLine, String title, boolean headed, List<NetshLine> fields, boolean cutByEnd,
                  boolean lastFieldMayBeCut) {

    NetshBlock {
        fields = List.copyOf(fields);
    }

    /** The fields without a last line that the end of the dump may have cut off. */
    List<NetshLine> fieldsBeforeCut() {
        return lastFieldMayBeCut ? fields.subList(0, fields.size() - 1) : fields;
    }
}
