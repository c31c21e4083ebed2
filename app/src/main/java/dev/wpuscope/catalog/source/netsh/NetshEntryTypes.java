package dev.wpuscope.catalog.source.netsh;

import dev.wpuscope.catalog.model.EntryType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Entry Type text of protocol blocks. netsh derives it from the chain length (0: layered, 1: base, more: a
 * chain) and appends "(32)" to entries of the 32-bit (WOW64) catalog. The text is localized, so beyond a few
 * known spellings this learns, per dump, which text goes with which chain length.
 */
final class NetshEntryTypes {
    private static final Pattern WOW64_MARKER = Pattern.compile("\\s*[(\\uFF08]\\s*32\\s*[)\\uFF09]\\s*$");
    /** English, and Simplified Chinese as seen in a public capture. */
    private static final Map<String, EntryType> KNOWN = Map.of(
            "Base Service Provider", EntryType.BASE,
            "Layered Service Provider", EntryType.LAYERED,
            "Layered Chain Entry", EntryType.CHAIN,
            "\u57FA\u672C\u670D\u52A1\u63D0\u4F9B\u7A0B\u5E8F", EntryType.BASE);

    private final Map<String, Set<EntryType>> learned = new HashMap<>();

    static boolean isWow64(String entryTypeText) {
        return WOW64_MARKER.matcher(entryTypeText).find();
    }

    static String withoutMarker(String entryTypeText) {
        return WOW64_MARKER.matcher(entryTypeText).replaceFirst("").strip();
    }

    /** Notes that an entry with this text has this type (derived from its chain length). */
    void learn(String entryTypeText, EntryType type) {
        learned.computeIfAbsent(withoutMarker(entryTypeText), k -> new HashSet<>()).add(type);
    }

    /** The type this text names, or {@code null} when the text is unknown or used for several types. */
    EntryType decode(String entryTypeText) {
        String text = withoutMarker(entryTypeText);
        EntryType known = KNOWN.get(text);
        if (known != null) {
            return known;
        }
        Set<EntryType> types = learned.getOrDefault(text, Set.of());
        return types.size() == 1 ? types.iterator().next() : null;
    }
}
