package dev.wpuscope.catalog.pe;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reads one attribute (CN, O) of an X.501 Name: SEQUENCE OF SET OF {type OID, value string}. */
final class DistinguishedName {
    static final String COMMON_NAME = "2.5.4.3";
    static final String ORGANIZATION = "2.5.4.10";

    private static final int UTF8_STRING = 0x0C;
    private static final int PRINTABLE_STRING = 0x13;
    private static final int T61_STRING = 0x14;
    private static final int IA5_STRING = 0x16;
    private static final int BMP_STRING = 0x1E;

    private DistinguishedName() {
    }

    /** The first value of attribute {@code oid} in the Name, when it has one of the usual string types. */
    static Optional<String> attribute(Der name, String oid) throws PeFormatException {
        for (Der rdn : name.expect(Der.SEQUENCE, "Name SEQUENCE").children()) {
            for (Der pair : rdn.expect(Der.SET, "RelativeDistinguishedName SET").children()) {
                if (pair.expect(Der.SEQUENCE, "AttributeTypeAndValue").child(0, "attribute type").oid().equals(oid)) {
                    Der value = pair.child(1, "attribute value");
                    Optional<Charset> charset = charset(value.tag());
                    return charset.isPresent() ? Optional.of(new String(value.content(), charset.get()))
                            : Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Charset> charset(int tag) {
        return switch (tag) {
            case UTF8_STRING -> Optional.of(StandardCharsets.UTF_8);
            case PRINTABLE_STRING, IA5_STRING -> Optional.of(StandardCharsets.US_ASCII);
            case T61_STRING -> Optional.of(StandardCharsets.ISO_8859_1);
            case BMP_STRING -> Optional.of(StandardCharsets.UTF_16BE);
            default -> Optional.empty();
        };
    }
}
