package dev.wpuscope.catalog.report;

import dev.wpuscope.text.Printable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML written into a buffer: every piece of text is escaped (and control characters made visible), so text
 * from a customer's catalog cannot add markup; https URLs in text become links.
 */
final class Html {

    private static final Pattern URL = Pattern.compile("https://[^\\s)\\]\"<>]+");

    private final StringBuilder out = new StringBuilder(64 * 1024);

    /** Markup the report itself writes (never text from a source). */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** {@code <tag class="cls">}; an empty class is left out. */
    Html open(String tag, String cls) {
        out.append('<').append(tag);
        if (!cls.isEmpty()) {
            out.append(" class=\"").append(cls).append('"');
        }
        out.append('>');
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element holding escaped text. */
    Html element(String tag, String cls, String text) {
        return open(tag, cls).text(text).close(tag);
    }

    /** Escaped text. */
    Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** Escaped text whose https URLs are links. */
    Html textWithLinks(String text) {
        Matcher url = URL.matcher(text);
        int at = 0;
        while (url.find()) {
            text(text.substring(at, url.start()));
            link(url.group(), url.group());
            at = url.end();
        }
        return text(text.substring(at));
    }

    Html link(String url, String text) {
        out.append("<a href=\"").append(escape(url)).append("\">").append(escape(text)).append("</a>");
        return this;
    }

    /** A table row of escaped cells. */
    Html row(String... cells) {
        out.append("<tr>");
        for (String cell : cells) {
            element("td", "", cell);
        }
        out.append("</tr>");
        return this;
    }

    /** A table head row. */
    Html head(String... cells) {
        out.append("<thead><tr>");
        for (String cell : cells) {
            element("th", "", cell);
        }
        out.append("</tr></thead>");
        return this;
    }

    static String escape(String text) {
        String printable = Printable.escape(text == null ? "" : text);
        StringBuilder escaped = new StringBuilder(printable.length() + 16);
        for (int i = 0; i < printable.length(); i++) {
            char c = printable.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
