package dev.wpuscope.catalog.source.netsh;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells which line of a block is which field of one block kind, without knowing the (localized) labels:
 * by position and value shape, and by the labels that the complete blocks of the same dump use.
 * <p>
 * A complete block has every field in order with a value of the right shape. For a damaged block the labels
 * learned from the complete ones identify the lines; without them the block is aligned by shape from its start
 * (and from its end), and a run of same-shaped fields where a line is missing or extra is left unknown instead
 * of being filled with shifted values.
 */
final class NetshFieldMapper<F extends Enum<F> & NetshFieldSpec> {
    private final Class<F> type;
    private final List<F> order;
    private final int required;
    private final Map<String, F> learnedLabels = new HashMap<>();

    NetshFieldMapper(Class<F> type) {
        this.type = type;
        this.order = List.of(type.getEnumConstants());
        this.required = (int) order.stream().filter(f -> !f.optional()).count();
    }

    /** Whether these lines are a complete block of this kind: every field in order, every value of its shape. */
    boolean fitsExactly(List<NetshLine> fields) {
        return fields.size() >= required && fields.size() <= order.size() && matchingPrefix(fields) == fields.size();
    }

    /** Remembers the labels of a block that {@link #fitsExactly fits exactly}. */
    void learn(List<NetshLine> fields) {
        for (int i = 0; i < fields.size(); i++) {
            learnedLabels.put(fields.get(i).normalizedLabel(), order.get(i));
        }
    }

    /** How many of these lines have a label that the complete blocks of this dump use for this kind. */
    int knownLabels(List<NetshLine> fields) {
        return (int) fields.stream().filter(f -> learnedLabels.containsKey(f.normalizedLabel())).count();
    }

    /** How many lines from the start have the shapes of this kind's first fields. */
    int matchingPrefix(List<NetshLine> fields) {
        int n = Math.min(fields.size(), order.size());
        for (int i = 0; i < n; i++) {
            if (!order.get(i).shape().matches(fields.get(i).value())) {
                return i;
            }
        }
        return n;
    }

    /** How many lines from the end have the shapes of this kind's last fields. */
    int matchingSuffix(List<NetshLine> fields) {
        int end = lastPosition(fields);
        int n = Math.min(fields.size(), end + 1);
        for (int k = 0; k < n; k++) {
            if (!order.get(end - k).shape().matches(fields.get(fields.size() - 1 - k).value())) {
                return k;
            }
        }
        return n;
    }

    /**
     * Which line is which field. Lines that cannot be placed with certainty are left out and warned about;
     * fields the block does not have are warned about with the block's first line.
     */
    Map<F, NetshLine> map(NetshBlock block, NetshWarnings warnings) {
        Map<F, NetshLine> mapped = new EnumMap<>(type);
        List<NetshLine> fields = block.fieldsBeforeCut();
        if (block.lastFieldMayBeCut()) {
            NetshLine last = block.fields().get(block.fields().size() - 1);
            warnings.add(last.number(), "the dump ends here without a blank line; the value of this last line may be "
                    + "cut off and is ignored: " + last.quoted());
        }
        if (fitsExactly(fields)) {
            placeInOrder(fields, 0, mapped);
            return mapped;
        }
        if (!learnedLabels.isEmpty() && 2 * knownLabels(fields) > fields.size()) {
            mapByLabel(fields, mapped, warnings);
        } else {
            mapByShape(fields, block.headed(), mapped, warnings);
        }
        reportMissing(block, mapped, warnings);
        return mapped;
    }

    private void mapByLabel(List<NetshLine> fields, Map<F, NetshLine> mapped, NetshWarnings warnings) {
        for (NetshLine line : fields) {
            F field = learnedLabels.get(line.normalizedLabel());
            if (field == null) {
                warnings.add(line.number(), "unexpected line in this block, ignored: " + line.quoted());
            } else if (mapped.containsKey(field)) {
                warnings.add(line.number(), field.englishLabel() + " appears twice in this block; ignored: "
                        + line.quoted());
            } else if (!field.shape().matches(line.value())) {
                warnings.add(line.number(), field.englishLabel() + " should be " + field.shape().description()
                        + "; ignored: " + line.quoted());
            } else {
                mapped.put(field, line);
            }
        }
    }

    private void mapByShape(List<NetshLine> fields, boolean headed, Map<F, NetshLine> mapped,
                            NetshWarnings warnings) {
        int front = 0;
        if (headed) {
            int prefix = matchingPrefix(fields);
            front = prefix == fields.size() ? prefix : certainBefore(prefix);
            placeInOrder(fields.subList(0, front), 0, mapped);
        }
        List<NetshLine> rest = fields.subList(front, fields.size());
        int end = lastPosition(rest);
        int suffix = matchingSuffix(rest);
        int back = suffix == rest.size() || suffix > end ? suffix : end - certainAfter(end - suffix);
        back = Math.max(0, Math.min(back, end + 1 - front));
        if (back > 0 && doubtAtStartOfBack(rest, back, end, headed && end - back + 1 > front)) {
            back = Math.max(0, end - sameShapeRunEnd(end - back + 1, +1));
        }
        placeInOrder(rest.subList(rest.size() - back, rest.size()), end - back + 1, mapped);
        List<NetshLine> unplaced = rest.subList(0, rest.size() - back);
        if (!unplaced.isEmpty()) {
            warnings.add(unplaced.get(0).number(), unplaced.size() + " line(s) do not fit the order of the fields "
                    + "(a line is missing or extra), so their fields are left unknown: " + unplaced.get(0).quoted()
                    + (unplaced.size() > 1 ? " ... " + unplaced.get(unplaced.size() - 1).quoted() : ""));
        }
    }

    /**
     * Whether the first lines placed from the end may be misplaced: a line left over before them could belong
     * among them, or a field missing before them could be one of them, when the shapes agree.
     */
    private boolean doubtAtStartOfBack(List<NetshLine> rest, int back, int end, boolean fieldsMissingBefore) {
        int firstBack = end - back + 1;
        ValueShape shape = order.get(firstBack).shape();
        boolean lineLeftBefore = rest.size() > back && shape.matches(rest.get(rest.size() - back - 1).value());
        boolean sameShapeMissing = fieldsMissingBefore && order.get(firstBack - 1).shape() == shape;
        return lineLeftBefore || sameShapeMissing;
    }

    /**
     * When the line at {@code mismatch} does not have its field's shape, a line is missing or extra somewhere in
     * the run of equally shaped fields just before it, where shape cannot locate it: only the fields before that
     * run are certain. Returns how many.
     */
    private int certainBefore(int mismatch) {
        int p = Math.min(mismatch, order.size() - 1);
        return p == 0 ? 0 : Math.min(sameShapeRunEnd(p, -1), sameShapeRunEnd(p - 1, -1));
    }

    /** The mirror of {@link #certainBefore} for aligning from the end: the last uncertain position. */
    private int certainAfter(int mismatch) {
        int p = Math.max(mismatch, 0);
        return p + 1 >= order.size() ? p : Math.max(sameShapeRunEnd(p, +1), sameShapeRunEnd(p + 1, +1));
    }

    /** The last position reached from {@code position} in {@code direction} over fields of the same shape. */
    private int sameShapeRunEnd(int position, int direction) {
        ValueShape shape = order.get(position).shape();
        int p = position;
        while (p + direction >= 0 && p + direction < order.size() && order.get(p + direction).shape() == shape) {
            p += direction;
        }
        return p;
    }

    /** The field position the last line stands for: an absent optional last field shifts it back. */
    private int lastPosition(List<NetshLine> fields) {
        int last = order.size() - 1;
        if (order.get(last).optional() && !fields.isEmpty()
                && !order.get(last).shape().matches(fields.get(fields.size() - 1).value())) {
            return last - 1;
        }
        return last;
    }

    private void placeInOrder(List<NetshLine> lines, int firstPosition, Map<F, NetshLine> mapped) {
        for (int i = 0; i < lines.size(); i++) {
            mapped.put(order.get(firstPosition + i), lines.get(i));
        }
    }

    private void reportMissing(NetshBlock block, Map<F, NetshLine> mapped, NetshWarnings warnings) {
        Set<F> missing = EnumSet.noneOf(type);
        for (F field : order) {
            if (!field.optional() && !mapped.containsKey(field)) {
                missing.add(field);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String why;
        if (!block.headed()) {
            why = "lines without their block title and dashes line (the dump starts inside an entry)";
        } else if (block.cutByEnd()) {
            why = "the dump ends inside this entry";
        } else {
            why = "this entry is incomplete";
        }
        if (mapped.isEmpty()) {
            warnings.add(block.firstLine(), why + "; none of its fields is known, so it is ignored");
            return;
        }
        List<String> names = new ArrayList<>();
        missing.forEach(f -> names.add(f.englishLabel()));
        warnings.add(block.firstLine(), why + "; unknown: " + String.join(", ", names));
    }
}
