package dev.wpuscope.cli;

import dev.wpuscope.text.Printable;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

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
        if (ch == '\n' || ch == '\r' || ch == '\t' || Printable.isPrintable(ch)) {
            out.write(ch);
        } else {
            StringBuilder escape = new StringBuilder(6);
            Printable.appendEscape(escape, ch);
            out.write(escape.toString());
        }
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(buf[i]);
        }
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(str.charAt(i));
        }
    }
}
