package dev.wpuscope.trace;

/**
 * A sockaddr as a DOWNCALL record carries it (trace format §4 type 8): its first 32 bytes as four little-endian
 * words {@code sa0..sa3}. Shown as people write addresses: {@code 127.0.0.1:8080}, {@code [::1]:443},
 * {@code [fe80::1%3]:80}; another family by its number.
 */
public final class Sockaddr {

    private static final int AF_INET = 2;
    private static final int AF_INET6 = 23;

    private Sockaddr() {
    }

    /** The address the four words hold: {@code (none)} when all are 0 (no address given or read). */
    public static String text(long sa0, long sa1, long sa2, long sa3) {
        if (sa0 == 0 && sa1 == 0 && sa2 == 0 && sa3 == 0) {
            return "(none)";
        }
        byte[] b = new byte[32];
        long[] words = {sa0, sa1, sa2, sa3};
        for (int i = 0; i < 32; i++) {
            b[i] = (byte) (words[i >> 3] >>> 8 * (i & 7));
        }
        int family = (b[0] & 0xFF) | (b[1] & 0xFF) << 8;
        int port = (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
        return switch (family) {
            case AF_INET -> (b[4] & 0xFF) + "." + (b[5] & 0xFF) + "." + (b[6] & 0xFF) + "." + (b[7] & 0xFF) + ":" + port;
            case AF_INET6 -> "[" + ipv6(b, 8) + scope(b) + "]:" + port;
            default -> "family " + family;
        };
    }

    private static String scope(byte[] b) {
        long id = (b[24] & 0xFFL) | (b[25] & 0xFFL) << 8 | (b[26] & 0xFFL) << 16 | (b[27] & 0xFFL) << 24;
        return id == 0 ? "" : "%" + id;
    }

    /** RFC 5952 text of the 16 bytes at {@code at}: lower case, the longest run of two or more zero groups as "::". */
    static String ipv6(byte[] b, int at) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (b[at + 2 * i] & 0xFF) << 8 | (b[at + 2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
