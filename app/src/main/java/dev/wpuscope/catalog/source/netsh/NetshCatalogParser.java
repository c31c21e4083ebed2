package dev.wpuscope.catalog.source.netsh;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.model.NamespaceProvider;
import dev.wpuscope.catalog.model.SourceKind;
import dev.wpuscope.catalog.source.CatalogReadException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads {@code netsh winsock show catalog} output, in any language, by structure: blocks of a title line, a line
 * of dashes and {@code label: value} lines whose meaning is their position and whose values are checked by shape.
 * Partial and damaged blocks become warnings with their line numbers; unknown fields stay {@code null}.
 */
public final class NetshCatalogParser {
    private final String location;
    private final NetshWarnings warnings;
    private final NetshFieldMapper<ProtocolField> protocolFields = new NetshFieldMapper<>(ProtocolField.class);
    private final NetshFieldMapper<NamespaceField> namespaceFields = new NetshFieldMapper<>(NamespaceField.class);
    private final Map<String, BlockKind> kindByTitle = new HashMap<>();

    private enum BlockKind { PROTOCOL, NAMESPACE }

    private NetshCatalogParser(String location) {
        this.location = location;
        this.warnings = new NetshWarnings(location);
    }

    /** Whether the start of a file looks like netsh output: a line of dashes followed by a {@code label: value} line. */
    public static boolean looksLikeNetsh(byte[] head) {
        List<String> lines = NetshTextDecoder.lines(head, new NetshWarnings(""));
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (NetshLine.isSeparator(lines.get(i)) && NetshLine.parse(i + 2, lines.get(i + 1)) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads a whole dump.
     *
     * @param location the file name, for messages
     * @throws CatalogReadException only when the content is not netsh output at all
     */
    public static CatalogSnapshot parse(String location, byte[] content) throws CatalogReadException {
        return new NetshCatalogParser(location).read(content);
    }

    private CatalogSnapshot read(byte[] content) throws CatalogReadException {
        List<NetshBlock> blocks = NetshBlockSplitter.split(NetshTextDecoder.lines(content, warnings), warnings);
        Map<NetshBlock, BlockKind> kinds = classify(blocks);
        if (kinds.isEmpty()) {
            throw CatalogReadException.atLine(location, blocks.isEmpty() ? 1 : blocks.get(0).firstLine(),
                    "not 'netsh winsock show catalog' output: no entry block (a title line, a line of dashes, then "
                            + "'label: value' lines with a {GUID}, numbers and 0x flags) found");
        }
        NetshProtocolEntries protocolEntries = new NetshProtocolEntries(warnings);
        Map<NetshBlock, Map<ProtocolField, NetshLine>> protocolBlocks = new LinkedHashMap<>();
        List<NamespaceProvider> namespaceProviders = new ArrayList<>();
        for (Map.Entry<NetshBlock, BlockKind> block : kinds.entrySet()) {
            if (block.getValue() == BlockKind.PROTOCOL) {
                Map<ProtocolField, NetshLine> fields = protocolFields.map(block.getKey(), warnings);
                protocolEntries.learn(fields);
                protocolBlocks.put(block.getKey(), fields);
            } else {
                Map<NamespaceField, NetshLine> fields = namespaceFields.map(block.getKey(), warnings);
                if (!fields.isEmpty()) {
                    namespaceProviders.add(namespaceProvider(block.getKey().firstLine(), fields));
                }
            }
        }
        Map<Bitness, List<CatalogEntry>> entries = new EnumMap<>(Bitness.class);
        protocolBlocks.forEach((block, fields) -> {
            if (fields.isEmpty()) {
                return; // already warned about: nothing of it is known
            }
            Bitness bitness = NetshProtocolEntries.bitness(fields);
            CatalogEntry entry = protocolEntries.entry(block.firstLine(), fields);
            if (bitness == null) {
                warnings.add(block.firstLine(), "the entry on lines " + block.firstLine() + "-"
                        + block.fields().get(block.fields().size() - 1).number() + (entry.id() == null ? "" : " (catalog id "
                        + Integer.toUnsignedString(entry.id()) + ")") + " is skipped: without its Entry Type line it cannot"
                        + " be told whether it is in the 64-bit or the 32-bit catalog");
            } else {
                entries.computeIfAbsent(bitness, b -> new ArrayList<>()).add(entry);
            }
        });
        boolean orderKnown = looksWhole(blocks, kinds);
        Map<Bitness, Catalog> catalogs = new EnumMap<>(Bitness.class);
        entries.forEach((bitness, list) -> catalogs.put(bitness, new Catalog(bitness, list, orderKnown)));
        return new CatalogSnapshot(SourceKind.NETSH, location, catalogs, namespaceProviders, List.of(), Map.of(),
                NetshLimitations.ALL, warnings.messages());
    }

    /** Decides for each block whether it is a protocol or a namespace entry; blocks that are neither are warned about. */
    private Map<NetshBlock, BlockKind> classify(List<NetshBlock> blocks) {
        Map<NetshBlock, BlockKind> kinds = new LinkedHashMap<>();
        for (NetshBlock block : blocks) {
            BlockKind kind = protocolFields.fitsExactly(block.fields()) ? BlockKind.PROTOCOL
                    : namespaceFields.fitsExactly(block.fields()) ? BlockKind.NAMESPACE : null;
            if (kind != null) {
                mapperOf(kind).learn(block.fields());
                if (block.title() != null) {
                    kindByTitle.putIfAbsent(block.title(), kind);
                }
            }
            kinds.put(block, kind);
        }
        Map<NetshBlock, BlockKind> known = new LinkedHashMap<>();
        for (NetshBlock block : blocks) {
            BlockKind kind = kinds.get(block) != null ? kinds.get(block) : guessKind(block);
            if (kind != null) {
                known.put(block, kind);
            } else if (!block.fieldsBeforeCut().isEmpty()) {
                warnings.add(block.firstLine(), "cannot tell whether these " + block.fields().size()
                        + " line(s) belong to a protocol or a namespace entry; ignored");
            } else if (!block.fields().isEmpty()) {
                warnings.add(block.firstLine(), "the dump ends inside this entry, in its first line; ignored");
            } else {
                warnings.add(block.firstLine(), "an entry title without any 'label: value' lines; ignored");
            }
        }
        return known;
    }

    /**
     * The kind of a damaged or partial block: by its title, its labels, or the shapes of its values (then only when
     * it has a GUID or hex value, so that arbitrary {@code name: value} text is not taken for an entry).
     */
    private BlockKind guessKind(NetshBlock block) {
        BlockKind byTitle = block.title() == null ? null : kindByTitle.get(block.title());
        if (byTitle != null) {
            return byTitle;
        }
        List<NetshLine> fields = block.fields();
        BlockKind byLabels = better(protocolFields.knownLabels(fields), namespaceFields.knownLabels(fields), 1);
        if (byLabels != null) {
            return byLabels;
        }
        boolean distinctive = fields.stream()
                .anyMatch(f -> ValueShape.GUID.matches(f.value()) || ValueShape.HEX.matches(f.value()));
        if (!distinctive) {
            return null;
        }
        return block.headed()
                ? better(shapeScore(protocolFields, fields), shapeScore(namespaceFields, fields), 2)
                : better(protocolFields.matchingSuffix(fields), namespaceFields.matchingSuffix(fields), 3);
    }

    /** How many lines of a headed block fit a kind's fields by shape, aligned from its start and from its end. */
    private static int shapeScore(NetshFieldMapper<?> mapper, List<NetshLine> fields) {
        return Math.min(fields.size(), mapper.matchingPrefix(fields) + mapper.matchingSuffix(fields));
    }

    private static BlockKind better(int protocolScore, int namespaceScore, int minimum) {
        if (Math.max(protocolScore, namespaceScore) < minimum || protocolScore == namespaceScore) {
            return null;
        }
        return protocolScore > namespaceScore ? BlockKind.PROTOCOL : BlockKind.NAMESPACE;
    }

    private NetshFieldMapper<?> mapperOf(BlockKind kind) {
        return kind == BlockKind.PROTOCOL ? protocolFields : namespaceFields;
    }

    /**
     * A dump shows the whole catalog when nothing in it was damaged or cut, it starts with a titled block and the
     * protocol entries are followed by the namespace providers that netsh prints after them.
     */
    private boolean looksWhole(List<NetshBlock> blocks, Map<NetshBlock, BlockKind> kinds) {
        NetshBlock first = blocks.get(0);
        return warnings.isEmpty() && first.title() != null
                && kinds.get(blocks.get(blocks.size() - 1)) == BlockKind.NAMESPACE;
    }

    private static NamespaceProvider namespaceProvider(int firstLine, Map<NamespaceField, NetshLine> fields) {
        NetshLine description = fields.get(NamespaceField.DESCRIPTION);
        NetshLine providerId = fields.get(NamespaceField.PROVIDER_ID);
        Integer active = integer(fields.get(NamespaceField.ACTIVE));
        return new NamespaceProvider(Bitness.X64, null,
                description == null ? null : description.value(),
                providerId == null ? null : UUID.fromString(providerId.value().substring(1, 37)),
                integer(fields.get(NamespaceField.NAME_SPACE)),
                active == null ? null : active != 0,
                integer(fields.get(NamespaceField.VERSION)),
                null, null, "line " + firstLine);
    }

    private static Integer integer(NetshLine line) {
        return line == null ? null : ValueShape.parseInteger(line.value());
    }
}
