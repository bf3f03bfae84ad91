package dev.pitfall.report;

import dev.pitfall.lint.Diagnostic;
import dev.pitfall.lint.Finding;
import dev.pitfall.lint.Severity;
import dev.pitfall.source.TextRange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The human format: {@code path:line:col: CODE [name] message} (notebooks:
 * {@code path:cell N:line:col}), the source line with a caret underline, related locations,
 * {@code error:} lines for files that could not be checked, and a summary line.
 * With {@code statistics} a table of counts per rule replaces the individual findings.
 */
public final class TextReporter implements Reporter {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String CYAN = "\u001b[36m";

    private final boolean colour;
    private final boolean statistics;

    public TextReporter(boolean colour, boolean statistics) {
        this.colour = colour;
        this.statistics = statistics;
    }

    @Override
    public boolean showsFingerprints() {
        return false;
    }

    /**
     * Appends the whole text to one builder and encodes it once: a PrintWriter encodes every
     * print separately, which cost the main thread ~15 ms for the ML corpus's 764 findings while
     * the JVM was still cold, at the end of the run where nothing overlaps it.
     */
    @Override
    public void write(RunReport report, OutputStream out) throws IOException {
        StringBuilder text = new StringBuilder();
        for (FileReport file : report.files()) {
            if (!statistics) {
                for (ReportedFinding finding : file.findings()) {
                    writeFinding(text, file, finding);
                }
            }
            for (Diagnostic diagnostic : file.diagnostics()) {
                paint(text, RED + BOLD, "error").append(": ").append(describe(diagnostic)).append('\n');
            }
        }
        if (statistics) {
            writeStatistics(text, report);
        }
        text.append(summary(report)).append('\n');
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The line a diagnostic gets in text output (and on stderr for the machine formats). */
    public static String describe(Diagnostic diagnostic) {
        if (diagnostic.kind() == Diagnostic.Kind.INTERNAL_ERROR) {
            String where = diagnostic.ruleCode() == null ? "" : " in rule " + diagnostic.ruleCode();
            return diagnostic.path() + ": internal error" + where + ": " + diagnostic.message()
                    + " (this is a bug in pitfall; please report it at " + ToolInfo.ISSUES
                    + " with the file that triggers it)";
        }
        return diagnostic.path() + ": " + diagnostic.message();
    }

    public static String location(String path, TextRange range, NotebookPosition cell) {
        if (cell != null) {
            return path + ":cell " + cell.cell() + ":" + cell.cellLine() + ":" + range.startColumn();
        }
        return path + ":" + range.startLine() + ":" + range.startColumn();
    }

    private void writeFinding(StringBuilder text, FileReport file, ReportedFinding reported) {
        Finding finding = reported.finding();
        TextRange range = finding.range();
        String colour = severityColour(finding.severity());
        paint(text, BOLD, location(file.path(), range, reported.notebook())).append(": ");
        paint(text, colour + BOLD, finding.code()).append(" [").append(finding.name()).append("] ")
                .append(finding.message()).append('\n');
        int shownLine = reported.notebook() != null ? reported.notebook().cellLine() : range.startLine();
        String gutter = String.valueOf(shownLine);
        String blank = " ".repeat(gutter.length());
        String cutBefore = reported.excerptStart() > 0 ? "..." : "";
        String line = cutBefore + printable(reported.excerpt());
        int shift = cutBefore.length() - reported.excerptStart();
        TextRange shown = new TextRange(range.startLine(), range.startColumn() + shift, range.endLine(), range.endColumn() + shift);
        paint(text, DIM, " " + gutter + " |").append(' ').append(line).append('\n');
        paint(text, DIM, " " + blank + " |").append(' ');
        paint(text, colour, underline(line, shown)).append('\n');
        List<Finding.RelatedLocation> related = finding.related();
        for (int i = 0; i < related.size(); i++) {
            NotebookPosition cell = reported.relatedNotebook().isEmpty() ? null : reported.relatedNotebook().get(i);
            text.append(' ').append(blank).append(" = ");
            paint(text, CYAN, "related").append(": ").append(location(file.path(), related.get(i).range(), cell))
                    .append(": ").append(related.get(i).message()).append('\n');
        }
        text.append('\n');
    }

    /**
     * Control characters of the user's file are shown as '?': written raw they could move the
     * cursor or recolour the terminal, and one character each keeps the carets aligned.
     */
    static String printable(String line) {
        StringBuilder shown = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                if (shown == null) {
                    shown = new StringBuilder(line);
                }
                shown.setCharAt(i, '?');
            }
        }
        return shown == null ? line : shown.toString();
    }

    /** Carets under the range on its first line; tabs are kept so the carets line up. */
    static String underline(String line, TextRange range) {
        int start = Math.min(Math.max(range.startColumn() - 1, 0), line.length());
        int end = range.endLine() == range.startLine() ? Math.min(range.endColumn() - 1, line.length()) : line.length();
        StringBuilder under = new StringBuilder();
        for (int i = 0; i < start; i++) {
            under.append(line.charAt(i) == '\t' ? '\t' : ' ');
        }
        under.append("^".repeat(Math.max(1, end - start)));
        return under.toString();
    }

    private void writeStatistics(StringBuilder text, RunReport report) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        for (FileReport file : report.files()) {
            for (ReportedFinding reported : file.findings()) {
                counts.computeIfAbsent(reported.finding().code(), code -> new long[1])[0]++;
                names.put(reported.finding().code(), reported.finding().name());
            }
        }
        List<Map.Entry<String, long[]>> rows = new ArrayList<>(counts.entrySet());
        rows.sort((a, b) -> a.getValue()[0] != b.getValue()[0]
                ? Long.compare(b.getValue()[0], a.getValue()[0]) : a.getKey().compareTo(b.getKey()));
        for (Map.Entry<String, long[]> row : rows) {
            text.append(String.format("%6d  %-6s %s\n", row.getValue()[0], row.getKey(), names.get(row.getKey())));
        }
    }

    /** {@code Found 3 problems (2 errors, 1 warning) in 2 of 40 files.} */
    public static String summary(RunReport report) {
        int total = report.findingCount();
        StringBuilder summary = new StringBuilder();
        if (total == 0) {
            summary.append("No problems found in ").append(plural(report.filesChecked(), "file")).append('.');
        } else {
            List<String> parts = new ArrayList<>();
            addCount(parts, report.count(Severity.ERROR), "error");
            addCount(parts, report.count(Severity.WARNING), "warning");
            addCount(parts, report.count(Severity.NOTE), "note");
            summary.append("Found ").append(plural(total, "problem")).append(" (").append(String.join(", ", parts))
                    .append(") in ").append(report.filesWithFindings()).append(" of ")
                    .append(plural(report.filesChecked(), "file")).append('.');
        }
        long unchecked = report.files().stream().filter(f -> !f.diagnostics().isEmpty()).count();
        if (unchecked > 0) {
            summary.append(' ').append(plural(unchecked, "file")).append(unchecked == 1 ? " was" : " were")
                    .append(" not fully checked (see the errors above).");
        }
        return summary.toString();
    }

    private static void addCount(List<String> parts, long count, String word) {
        if (count > 0) {
            parts.add(plural(count, word));
        }
    }

    private static String plural(long count, String word) {
        return count + " " + word + (count == 1 ? "" : "s");
    }

    private static String severityColour(Severity severity) {
        return switch (severity) {
            case ERROR -> RED;
            case WARNING -> YELLOW;
            case NOTE -> CYAN;
        };
    }

    private StringBuilder paint(StringBuilder text, String style, String painted) {
        return colour ? text.append(style).append(painted).append(RESET) : text.append(painted);
    }
}
