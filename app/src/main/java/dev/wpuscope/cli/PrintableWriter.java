package dev.wpuscope.cli;

import dev.wpuscope.text.Printable;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.CharBuffer;

/**
 * What the CLI prints, made safe for a terminal: text from catalogs and captures goes through here, so a
 * control character in it (an ESC sequence that would clear the screen) is shown as an escape such as
 * {@code \x1b}. Line breaks and tabs, which structure the output, pass.
 */
final class PrintableWriter extends FilterWriter {

    PrintableWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        char ch = (char) c;
        if (passes(ch)) {
            out.write(ch);
        } else {
            StringBuilder escape = new StringBuilder(6);
            Printable.appendEscape(escape, ch);
            out.write(escape.toString());
        }
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        writeRuns(CharBuffer.wrap(buf), off, len);
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        writeRuns(str, off, len);
    }

    /** Writes each run of characters that pass in one write (a summary prints megabytes), escapes the others. */
    private void writeRuns(CharSequence text, int off, int len) throws IOException {
        int run = off;
        for (int i = off; i < off + len; i++) {
            if (!passes(text.charAt(i))) {
                out.append(text, run, i);
                write(text.charAt(i));
                run = i + 1;
            }
        }
        out.append(text, run, off + len);
    }

    private static boolean passes(char c) {
        return c == '\n' || c == '\r' || c == '\t' || Printable.isPrintable(c);
    }
}
