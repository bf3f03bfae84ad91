package dev.pitfall.report;

import dev.pitfall.lint.Diagnostic;
import dev.pitfall.lint.Finding;
import dev.pitfall.source.NotebookMap;
import dev.pitfall.source.SourceFile;
import dev.pitfall.source.TextRange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What one file contributes to a report: its findings sorted by position, and the diagnostics of
 * reading or linting it. Keeps no AST and no source text beyond the reported lines, so that large
 * runs stay small in memory.
 */
public record FileReport(String path, boolean notebook, List<ReportedFinding> findings, List<Diagnostic> diagnostics) {
    /** Longest source excerpt kept per finding; enough for any hand-written line. */
    static final int MAX_EXCERPT = 240;
    /** How much of a long line is kept before the finding's start. */
    static final int EXCERPT_LEAD = 60;
    private static final HexFormat HEX = HexFormat.of();

    /** A file that could not be linted at all. */
    public static FileReport failed(String path, boolean notebook, List<Diagnostic> diagnostics) {
        return new FileReport(path, notebook, List.of(), List.copyOf(diagnostics));
    }

    /** Sorts the findings, looks up what reporters need from the source and fingerprints them. */
    public static FileReport of(String path, SourceFile source, List<Finding> findings, List<Diagnostic> diagnostics) {
        return of(path, source, findings, diagnostics, true);
    }

    /**
     * As {@link #of(String, SourceFile, List, List)}, but without fingerprints (null) unless
     * {@code fingerprinted}: for outputs that show none, which spares a SHA-256 per finding (run
     * by the interpreter while the JVM is cold) and the start-up of the security providers.
     */
    public static FileReport of(String path, SourceFile source, List<Finding> findings, List<Diagnostic> diagnostics,
            boolean fingerprinted) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Finding.SOURCE_ORDER);
        NotebookMap cells = source.notebook();
        Map<String, Integer> occurrences = fingerprinted ? new HashMap<>() : null;
        MessageDigest sha = fingerprinted ? sha256() : null;
        List<ReportedFinding> reported = new ArrayList<>(sorted.size());
        for (Finding finding : sorted) {
            String line = source.line(finding.range().startLine());
            String fingerprint = null;
            if (fingerprinted) {
                String normalised = normalise(line);
                int occurrence = occurrences.merge(finding.code() + '\0' + normalised, 1, Integer::sum) - 1;
                fingerprint = fingerprint(sha, finding.code(), path, normalised, occurrence);
            }
            List<NotebookPosition> related = new ArrayList<>();
            if (cells != null) {
                for (Finding.RelatedLocation location : finding.related()) {
                    related.add(position(cells, location.range()));
                }
            }
            int excerptStart = line.length() <= MAX_EXCERPT ? 0
                    : Math.max(0, Math.min(finding.range().startColumn() - 1 - EXCERPT_LEAD, line.length() - MAX_EXCERPT));
            String excerpt = line.substring(excerptStart, Math.min(line.length(), excerptStart + MAX_EXCERPT));
            reported.add(new ReportedFinding(finding, excerpt, excerptStart, cells == null ? null : position(cells, finding.range()),
                    List.copyOf(related), fingerprint));
        }
        return new FileReport(path, source.isNotebook(), List.copyOf(reported), List.copyOf(diagnostics));
    }

    private static NotebookPosition position(NotebookMap cells, TextRange range) {
        return new NotebookPosition(cells.cellNumber(range.startLine()), cells.lineInCell(range.startLine()),
                cells.lineInCell(range.endLine()), cells.ipynbLine(range.startLine()), cells.ipynbLine(range.endLine()));
    }

    /**
     * Whitespace differences (re-indentation, spacing) do not make a finding new: what
     * {@code strip().replaceAll("\\s+", " ")} gives, without compiling a regex per finding.
     */
    static String normalise(String line) {
        String stripped = line.strip();
        StringBuilder collapsed = null;
        int copied = 0;
        for (int i = 0; i < stripped.length(); i++) {
            if (!isRegexSpace(stripped.charAt(i))) {
                continue;
            }
            int runEnd = i + 1;
            while (runEnd < stripped.length() && isRegexSpace(stripped.charAt(runEnd))) {
                runEnd++;
            }
            if (runEnd - i > 1 || stripped.charAt(i) != ' ') {
                if (collapsed == null) {
                    collapsed = new StringBuilder(stripped.length());
                }
                collapsed.append(stripped, copied, i).append(' ');
                copied = runEnd;
            }
            i = runEnd - 1;
        }
        return collapsed == null ? stripped : collapsed.append(stripped, copied, stripped.length()).toString();
    }

    /** The characters of the regex class {@code \\s}: [ \t\n\x0B\f\r]. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /**
     * A hash of what identifies a finding independently of line numbers: rule, file, the content
     * of its line and how many identical (rule, line content) findings precede it in the file.
     * {@code sha} is one of {@link #sha256()}'s; digesting resets it for the next finding.
     */
    static String fingerprint(MessageDigest sha, String code, String path, String normalisedLine, int occurrence) {
        sha.update(code.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(path.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        byte[] digest = sha.digest(normalisedLine.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(digest, 0, 16) + ":" + (occurrence + 1);
    }

    /**
     * A fresh SHA-256 digest, cloned from one made once: looking one up by name walks the security
     * providers each time, and the first look-up in a process starts them (tens of milliseconds
     * while the JVM is cold).
     */
    static MessageDigest sha256() {
        try {
            return (MessageDigest) Sha256.PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }

    /** Holds the prototype digest apart, so that only runs that fingerprint start the providers. */
    private static final class Sha256 {
        static final MessageDigest PROTOTYPE = create();

        private static MessageDigest create() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime provides SHA-256", e);
            }
        }
    }
}
