package dev.wpuscope.cli;

import java.io.PrintWriter;

/** Prints labelled paragraphs wrapped to a width, continuation lines indented under the text. */
final class TextBlock {

    static final int WIDTH = 100;

    private TextBlock() {
    }

    /** Prints {@code indent + label + text}, wrapping {@code text} at spaces (a longer word stays whole). */
    static void print(PrintWriter out, String indent, String label, String text) {
        String hanging = " ".repeat(indent.length() + label.length());
        StringBuilder line = new StringBuilder(indent).append(label);
        int prefix = line.length();
        for (String word : text.split(" ")) {
            if (line.length() > prefix && line.length() + 1 + word.length() > WIDTH) {
                out.println(line);
                line.setLength(0);
                line.append(hanging);
            }
            if (line.length() > prefix) {
                line.append(' ');
            }
            line.append(word);
        }
        out.println(line);
    }
}
