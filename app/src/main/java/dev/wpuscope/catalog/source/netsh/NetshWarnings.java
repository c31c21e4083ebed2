package dev.wpuscope.catalog.source.netsh;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Warnings about one dump, each as {@code file:line: message}, listed by line. */
final class NetshWarnings {
    private record Warning(int line, String text) {
    }

    private final String location;
    private final List<Warning> warnings = new ArrayList<>();

    NetshWarnings(String location) {
        this.location = location;
    }

    void add(int line, String message) {
        warnings.add(new Warning(line, location + ":" + line + ": " + message));
    }

    boolean isEmpty() {
        return warnings.isEmpty();
    }

    List<String> messages() {
        return warnings.stream().sorted(Comparator.comparingInt(Warning::line)).map(Warning::text).toList();
    }
}
