package dev.wpuscope.catalog.pe;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * One DER value (tag, length, contents) inside the PE file's bytes, with the few reads PKCS#7 needs.
 * Offsets are file offsets, so every error names where in the file the bad byte is. Only definite lengths
 * and low tag numbers (DER as Authenticode uses it); contents must lie inside the enclosing value.
 */
final class Der {
    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int OID = 0x06;
    static final int SEQUENCE = 0x30;
    static final int SET = 0x31;
    /** [0] constructed (EXPLICIT [0], or IMPLICIT [0] SET OF) */
    static final int CONTEXT_0 = 0xA0;
    static final int CONTEXT_1 = 0xA1;

    private static final int HIGH_TAG_NUMBER = 0x1F;
    private static final int LONGEST_LENGTH_BYTES = 4;

    private final PeBytes bytes;
    private final int tag;
    private final long start;
    private final long contentStart;
    private final long end;

    private Der(PeBytes bytes, int tag, long start, long contentStart, long end) {
        this.bytes = bytes;
        this.tag = tag;
        this.start = start;
        this.contentStart = contentStart;
        this.end = end;
    }

    /** Reads the value at {@code at}, which must end no later than {@code limit}. */
    static Der read(PeBytes bytes, long at, long limit) throws PeFormatException {
        if (at >= limit) {
            throw bytes.error(at, "DER: a value was expected but its container ends here");
        }
        int tag = bytes.u8(at, "DER tag");
        if ((tag & HIGH_TAG_NUMBER) == HIGH_TAG_NUMBER) {
            throw bytes.error(at, "DER: high tag numbers are not used by Authenticode");
        }
        int first = bytes.u8(at + 1, "DER length");
        long length;
        long contentStart;
        if (first < 0x80) {
            length = first;
            contentStart = at + 2;
        } else {
            int count = first & 0x7F;
            if (count == 0 || count > LONGEST_LENGTH_BYTES) {
                throw bytes.error(at + 1, count == 0 ? "DER: indefinite length (BER) is not allowed"
                        : "DER: length of " + count + " bytes is too long");
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = length << 8 | bytes.u8(at + 2 + i, "DER length");
            }
            contentStart = at + 2 + count;
        }
        if (contentStart + length > limit) {
            throw bytes.error(at, "DER: value of " + length + " bytes runs past its container (which ends at "
                    + limit + ")");
        }
        return new Der(bytes, tag, at, contentStart, contentStart + length);
    }

    int tag() {
        return tag;
    }

    long start() {
        return start;
    }

    long contentStart() {
        return contentStart;
    }

    long end() {
        return end;
    }

    /** Fails unless this value has the tag, naming {@code what} was expected. */
    Der expect(int expected, String what) throws PeFormatException {
        if (tag != expected) {
            throw bytes.error(start, String.format("DER: %s expected (tag 0x%02X), found tag 0x%02X", what,
                    expected, tag));
        }
        return this;
    }

    /** The values this constructed value contains. */
    List<Der> children() throws PeFormatException {
        List<Der> children = new ArrayList<>();
        long at = contentStart;
        while (at < end) {
            Der child = read(bytes, at, end);
            children.add(child);
            at = child.end;
        }
        return children;
    }

    /** The {@code index}-th child, which must exist. */
    Der child(int index, String what) throws PeFormatException {
        List<Der> children = children();
        if (index >= children.size()) {
            throw bytes.error(start, "DER: " + what + " is missing (" + children.size() + " values here)");
        }
        return children.get(index);
    }

    /** The whole encoding, tag and length included. */
    byte[] encoded() throws PeFormatException {
        return bytes.copy(start, (int) (end - start), "DER value");
    }

    /** The contents without tag and length. */
    byte[] content() throws PeFormatException {
        return bytes.copy(contentStart, (int) (end - contentStart), "DER contents");
    }

    BigInteger integer() throws PeFormatException {
        expect(INTEGER, "INTEGER");
        if (end == contentStart) {
            throw bytes.error(start, "DER: empty INTEGER");
        }
        return new BigInteger(content());
    }

    /** An OBJECT IDENTIFIER in dotted form, e.g. "1.2.840.113549.1.7.2". */
    String oid() throws PeFormatException {
        expect(OID, "OBJECT IDENTIFIER");
        StringBuilder text = new StringBuilder();
        long value = 0;
        for (long at = contentStart; at < end; at++) {
            int b = bytes.u8(at, "OID");
            if (value > (Long.MAX_VALUE >>> 7)) {
                throw bytes.error(at, "DER: OBJECT IDENTIFIER component too large");
            }
            value = value << 7 | (b & 0x7F);
            if ((b & 0x80) == 0) {
                if (text.length() == 0) {
                    int first = (int) Math.min(value / 40, 2);
                    text.append(first).append('.').append(value - 40L * first);
                } else {
                    text.append('.').append(value);
                }
                value = 0;
            }
        }
        if (text.length() == 0 || (bytes.u8(end - 1, "OID") & 0x80) != 0) {
            throw bytes.error(start, "DER: malformed OBJECT IDENTIFIER");
        }
        return text.toString();
    }
}
