package dev.wpuscope.catalog.source.netsh;

/**
 * One {@code label: value} line of a netsh block. The label is whatever precedes the first colon (ASCII or
 * full-width) that is followed by padding: labels are localized and padded by display width, so neither their
 * text nor the column of the value is fixed.
 *
 * @param number 1-based line number in the dump
 */
record NetshLine(int number, String label, String value) {

    private static final char FULLWIDTH_COLON = '\uFF1A';

    /** The line as a field, or {@code null} when it is not a {@code label: value} line. */
    static NetshLine parse(int number, String text) {
        String line = text.strip();
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean padded = i + 1 == line.length() || Character.isWhitespace(line.charAt(i + 1));
            if ((c == ':' && padded) || c == FULLWIDTH_COLON) {
                String label = line.substring(0, i).strip();
                return label.isEmpty() ? null : new NetshLine(number, label, line.substring(i + 1).strip());
            }
        }
        return null;
    }

    static boolean isSeparator(String text) {
        String line = text.strip();
        return line.length() >= 10 && line.chars().allMatch(c -> c == '-');
    }

    /** The label with runs of white space folded, for comparing labels of one dump. */
    String normalizedLabel() {
        return label.replaceAll("\\s+", " ");
    }

    /** The line for messages: {@code 'Label: value'}. */
    String quoted() {
        return "'" + label + ": " + value + "'";
    }
}
