package dev.pitfall.cli.cache;

import dev.pitfall.lint.Diagnostic;
import dev.pitfall.lint.Finding;
import dev.pitfall.lint.Severity;
import dev.pitfall.report.FileReport;
import dev.pitfall.report.NotebookPosition;
import dev.pitfall.report.ReportedFinding;
import dev.pitfall.source.TextRange;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The binary form of a cache pack: a header naming the run key it belongs to, the entries, and a
 * CRC-32C of everything before it. Numbers are variable-length (zigzag) integers; each distinct
 * string is written once and later referenced by index, since rule codes, names and messages
 * repeat across files. Every length read is checked against what is left, so a damaged pack is
 * rejected with {@link CorruptPackException} rather than read into garbage or a huge allocation.
 */
final class PackCodec {
    private static final int MAGIC = 0x50465243; // "PFRC"
    /** Raised whenever the layout below changes. */
    private static final int FORMAT = 1;
    private static final int NULL_STRING = 0;
    private static final int NEW_STRING = 1;
    private static final Severity[] SEVERITIES = Severity.values();
    private static final Diagnostic.Kind[] KINDS = Diagnostic.Kind.values();

    private PackCodec() {
    }

    static byte[] encode(String runKey, Map<String, CacheEntry> entries) {
        Writer out = new Writer();
        out.rawInt(MAGIC);
        out.rawInt(FORMAT);
        out.string(runKey);
        out.number(entries.size());
        for (Map.Entry<String, CacheEntry> item : entries.entrySet()) {
            CacheEntry entry = item.getValue();
            out.string(item.getKey());
            out.string(entry.displayPath());
            out.number(entry.size());
            out.number(entry.modifiedNanos());
            out.bytes(entry.contentHash());
            out.number(entry.lastSeenDay());
            report(out, entry.report());
        }
        CRC32C crc = new CRC32C();
        crc.update(out.buffer.toByteArray());
        out.rawInt((int) crc.getValue());
        return out.buffer.toByteArray();
    }

    /** The entries of a pack written for {@code runKey}; empty if it was written for another key. */
    static Map<String, CacheEntry> decode(byte[] pack, String runKey) throws CorruptPackException {
        if (pack.length < 12) {
            throw new CorruptPackException("truncated");
        }
        CRC32C crc = new CRC32C();
        crc.update(pack, 0, pack.length - 4);
        Reader in = new Reader(pack, pack.length - 4);
        int stored = ((pack[pack.length - 4] & 0xFF) << 24) | ((pack[pack.length - 3] & 0xFF) << 16)
                | ((pack[pack.length - 2] & 0xFF) << 8) | (pack[pack.length - 1] & 0xFF);
        if (in.rawInt() != MAGIC || (int) crc.getValue() != stored) {
            throw new CorruptPackException("checksum mismatch");
        }
        if (in.rawInt() != FORMAT || !runKey.equals(in.string())) {
            return new HashMap<>();
        }
        int count = in.count();
        Map<String, CacheEntry> entries = new HashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            String key = in.string();
            String displayPath = in.string();
            long size = in.number();
            long modified = in.number();
            byte[] hash = in.bytes();
            int lastSeen = (int) in.number();
            entries.put(key, new CacheEntry(displayPath, size, modified, hash, lastSeen, report(in)));
        }
        if (in.position != pack.length - 4) {
            throw new CorruptPackException("trailing bytes");
        }
        return entries;
    }

    private static void report(Writer out, FileReport report) {
        out.string(report.path());
        out.number(report.notebook() ? 1 : 0);
        out.number(report.findings().size());
        for (ReportedFinding reported : report.findings()) {
            Finding finding = reported.finding();
            out.string(finding.path());
            out.string(finding.code());
            out.string(finding.name());
            out.number(finding.severity().ordinal());
            out.string(finding.message());
            range(out, finding.range());
            out.number(finding.related().size());
            for (Finding.RelatedLocation related : finding.related()) {
                range(out, related.range());
                out.string(related.message());
            }
            out.string(reported.excerpt());
            out.number(reported.excerptStart());
            position(out, reported.notebook());
            out.number(reported.relatedNotebook().size());
            for (NotebookPosition position : reported.relatedNotebook()) {
                position(out, position);
            }
            out.string(reported.fingerprint());
        }
        out.number(report.diagnostics().size());
        for (Diagnostic diagnostic : report.diagnostics()) {
            out.string(diagnostic.path());
            out.number(diagnostic.kind().ordinal());
            out.string(diagnostic.ruleCode());
            out.string(diagnostic.message());
        }
    }

    private static FileReport report(Reader in) throws CorruptPackException {
        String path = in.string();
        boolean notebook = in.number() != 0;
        int findingCount = in.count();
        List<ReportedFinding> findings = new ArrayList<>(findingCount);
        for (int i = 0; i < findingCount; i++) {
            String findingPath = in.string();
            String code = in.string();
            String name = in.string();
            Severity severity = SEVERITIES[in.index(SEVERITIES.length)];
            String message = in.string();
            TextRange range = range(in);
            int relatedCount = in.count();
            List<Finding.RelatedLocation> related = new ArrayList<>(relatedCount);
            for (int j = 0; j < relatedCount; j++) {
                related.add(new Finding.RelatedLocation(range(in), in.string()));
            }
            String excerpt = in.string();
            int excerptStart = (int) in.number();
            NotebookPosition position = position(in);
            int positionCount = in.count();
            List<NotebookPosition> relatedNotebook = new ArrayList<>(positionCount);
            for (int j = 0; j < positionCount; j++) {
                relatedNotebook.add(position(in));
            }
            String fingerprint = in.string();
            findings.add(new ReportedFinding(new Finding(findingPath, code, name, severity, message, range,
                    List.copyOf(related)), excerpt, excerptStart, position, List.copyOf(relatedNotebook), fingerprint));
        }
        int diagnosticCount = in.count();
        List<Diagnostic> diagnostics = new ArrayList<>(diagnosticCount);
        for (int i = 0; i < diagnosticCount; i++) {
            diagnostics.add(new Diagnostic(in.string(), KINDS[in.index(KINDS.length)], in.string(), in.string()));
        }
        return new FileReport(path, notebook, List.copyOf(findings), List.copyOf(diagnostics));
    }

    private static void range(Writer out, TextRange range) {
        out.number(range.startLine());
        out.number(range.startColumn());
        out.number(range.endLine());
        out.number(range.endColumn());
    }

    private static TextRange range(Reader in) throws CorruptPackException {
        return new TextRange((int) in.number(), (int) in.number(), (int) in.number(), (int) in.number());
    }

    /** A null position (a plain file) is written as cell 0, which real cells never are. */
    private static void position(Writer out, NotebookPosition position) {
        if (position == null) {
            out.number(0);
            return;
        }
        out.number(position.cell());
        out.number(position.cellLine());
        out.number(position.cellEndLine());
        out.number(position.ipynbStartLine());
        out.number(position.ipynbEndLine());
    }

    private static NotebookPosition position(Reader in) throws CorruptPackException {
        int cell = (int) in.number();
        if (cell == 0) {
            return null;
        }
        return new NotebookPosition(cell, (int) in.number(), (int) in.number(), (int) in.number(), (int) in.number());
    }

    private static final class Writer {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);
        private final Map<String, Integer> seen = new HashMap<>();

        void rawInt(int value) {
            buffer.write(value >>> 24);
            buffer.write(value >>> 16);
            buffer.write(value >>> 8);
            buffer.write(value);
        }

        void number(long value) {
            long zigzag = (value << 1) ^ (value >> 63);
            while ((zigzag & ~0x7FL) != 0) {
                buffer.write((int) ((zigzag & 0x7F) | 0x80));
                zigzag >>>= 7;
            }
            buffer.write((int) zigzag);
        }

        void bytes(byte[] value) {
            number(value.length);
            buffer.write(value, 0, value.length);
        }

        void string(String value) {
            if (value == null) {
                number(NULL_STRING);
                return;
            }
            Integer index = seen.get(value);
            if (index != null) {
                number(index + 2L);
                return;
            }
            seen.put(value, seen.size());
            number(NEW_STRING);
            bytes(value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final class Reader {
        private final byte[] data;
        private final int limit;
        private final List<String> seen = new ArrayList<>();
        private int position;

        Reader(byte[] data, int limit) {
            this.data = data;
            this.limit = limit;
        }

        int rawInt() throws CorruptPackException {
            need(4);
            int value = ((data[position] & 0xFF) << 24) | ((data[position + 1] & 0xFF) << 16)
                    | ((data[position + 2] & 0xFF) << 8) | (data[position + 3] & 0xFF);
            position += 4;
            return value;
        }

        long number() throws CorruptPackException {
            long zigzag = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                need(1);
                byte next = data[position++];
                zigzag |= (long) (next & 0x7F) << shift;
                if (next >= 0) {
                    return (zigzag >>> 1) ^ -(zigzag & 1);
                }
            }
            throw new CorruptPackException("number too long");
        }

        /** A count of items that follow; each takes at least one byte, which bounds it. */
        int count() throws CorruptPackException {
            long count = number();
            if (count < 0 || count > limit - position) {
                throw new CorruptPackException("bad count " + count);
            }
            return (int) count;
        }

        int index(int size) throws CorruptPackException {
            long value = number();
            if (value < 0 || value >= size) {
                throw new CorruptPackException("bad index " + value);
            }
            return (int) value;
        }

        byte[] bytes() throws CorruptPackException {
            int length = count();
            byte[] value = new byte[length];
            System.arraycopy(data, position, value, 0, length);
            position += length;
            return value;
        }

        String string() throws CorruptPackException {
            long tag = number();
            if (tag == NULL_STRING) {
                return null;
            }
            if (tag == NEW_STRING) {
                int length = count();
                String value = new String(data, position, length, StandardCharsets.UTF_8);
                position += length;
                seen.add(value);
                return value;
            }
            if (tag < 2 || tag - 2 >= seen.size()) {
                throw new CorruptPackException("bad string reference " + tag);
            }
            return seen.get((int) (tag - 2));
        }

        private void need(int length) throws CorruptPackException {
            if (limit - position < length) {
                throw new CorruptPackException("truncated");
            }
        }
    }

    /** The pack cannot be read; the cache starts empty instead. */
    static final class CorruptPackException extends Exception {
        CorruptPackException(String message) {
            super(message);
        }
    }
}
