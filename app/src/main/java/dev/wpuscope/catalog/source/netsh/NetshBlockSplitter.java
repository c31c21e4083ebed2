package dev.wpuscope.catalog.source.netsh;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a dump into blocks by structure alone: a dashes line starts a block (the non-blank, non-field line just
 * above it is its title) and its fields run to the next blank line or title. Field lines outside any block (a
 * dump that starts inside an entry) form blocks without a head. Other lines outside blocks (console banner,
 * prompt) are ignored.
 */
final class NetshBlockSplitter {
    private final List<String> lines;
    private final NetshWarnings warnings;
    private final int lastNonBlank;
    /** Whether a blank line follows the last text, as netsh prints one after every block. */
    private final boolean endsWithBlankLine;
    private final boolean[] used;

    private NetshBlockSplitter(List<String> lines, NetshWarnings warnings) {
        this.lines = lines;
        this.warnings = warnings;
        this.used = new boolean[lines.size()];
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                last = i;
            }
        }
        this.lastNonBlank = last;
        this.endsWithBlankLine = lines.size() - 1 - last >= 2;
    }

    static List<NetshBlock> split(List<String> lines, NetshWarnings warnings) {
        return new NetshBlockSplitter(lines, warnings).blocks();
    }

    private List<NetshBlock> blocks() {
        for (int i = 0; i < lines.size(); i++) {
            if (NetshLine.isSeparator(lines.get(i))) {
                used[i] = true;
                if (isTitle(i - 1)) {
                    used[i - 1] = true;
                }
            }
        }
        List<NetshBlock> blocks = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (NetshLine.isSeparator(lines.get(i))) {
                i = headedBlock(i, blocks);
            } else if (!used[i] && NetshLine.parse(i + 1, lines.get(i)) != null) {
                i = headlessBlock(i, blocks);
            } else {
                i++;
            }
        }
        return blocks;
    }

    private boolean isTitle(int index) {
        return index >= 0 && !used[index] && !lines.get(index).isBlank()
                && NetshLine.parse(index + 1, lines.get(index)) == null;
    }

    private int headedBlock(int separator, List<NetshBlock> blocks) {
        boolean titled = separator > 0 && used[separator - 1] && !NetshLine.isSeparator(lines.get(separator - 1));
        String title = titled ? lines.get(separator - 1).strip() : null;
        List<NetshLine> fields = new ArrayList<>();
        int i = separator + 1;
        boolean lastIsField = false;
        for (; i < lines.size() && !lines.get(i).isBlank() && !used[i]; i++) {
            NetshLine field = NetshLine.parse(i + 1, lines.get(i));
            lastIsField = field != null;
            if (field != null) {
                fields.add(field);
            } else if (i == lastNonBlank) {
                warnings.add(i + 1, "the dump ends inside a line; '" + lines.get(i).strip() + "' ignored");
            } else {
                warnings.add(i + 1, "not a 'label: value' line, ignored: '" + lines.get(i).strip() + "'");
            }
        }
        boolean cut = i - 1 == lastNonBlank && !endsWithBlankLine;
        blocks.add(new NetshBlock(titled ? separator : separator + 1, title, true, fields, cut, cut && lastIsField));
        return i;
    }

    private int headlessBlock(int start, List<NetshBlock> blocks) {
        List<NetshLine> fields = new ArrayList<>();
        int i = start;
        for (; i < lines.size() && !used[i]; i++) {
            NetshLine field = NetshLine.parse(i + 1, lines.get(i));
            if (field == null) {
                break;
            }
            fields.add(field);
        }
        boolean cut = i - 1 == lastNonBlank && !endsWithBlankLine;
        blocks.add(new NetshBlock(start + 1, null, false, fields, cut, cut));
        return i;
    }
}
