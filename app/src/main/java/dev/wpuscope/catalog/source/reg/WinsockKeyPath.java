package dev.wpuscope.catalog.source.reg;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A key path split at {@code ...\Services\WinSock2\Parameters}: whatever comes before (hive, control set,
 * or nothing in a hive-relative export) is the root, the segments after it say what the key holds.
 *
 * @param root the path up to and including {@code Parameters}, as written
 * @param rest the segments below {@code Parameters}
 */
record WinsockKeyPath(String root, List<String> rest) {

    static Optional<WinsockKeyPath> of(String keyPath) {
        String[] segments = keyPath.split("\\\\");
        for (int i = 0; i + 1 < segments.length; i++) {
            if (segments[i].equalsIgnoreCase("WinSock2") && segments[i + 1].equalsIgnoreCase("Parameters")) {
                String root = String.join("\\", Arrays.copyOfRange(segments, 0, i + 2));
                return Optional.of(new WinsockKeyPath(root, List.of(Arrays.copyOfRange(segments, i + 2,
                        segments.length))));
            }
        }
        return Optional.empty();
    }

    /** Whether the path is the legacy (Winsock 1.1) {@code Services\Winsock} key or below it. */
    static boolean isLegacyWinsock(String keyPath) {
        String[] segments = keyPath.split("\\\\");
        for (int i = 0; i + 1 < segments.length; i++) {
            if (segments[i].equalsIgnoreCase("Services") && segments[i + 1].equalsIgnoreCase("Winsock")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the root has this segment (e.g. "ControlSet002"), ignoring case. */
    boolean hasSegment(String name) {
        for (String segment : root.split("\\\\")) {
            if (segment.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether segment {@code index} below Parameters exists and equals {@code name}, ignoring case. */
    boolean is(int index, String name) {
        return rest.size() > index && rest.get(index).equalsIgnoreCase(name);
    }
}
