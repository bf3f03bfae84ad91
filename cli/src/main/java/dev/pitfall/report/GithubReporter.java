package dev.pitfall.report;

import dev.pitfall.lint.Diagnostic;
import dev.pitfall.lint.Finding;
import dev.pitfall.lint.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The {@code github} format: GitHub Actions workflow commands that annotate the pull request,
 * {@code ::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message}; warnings and
 * notes become {@code ::warning} and {@code ::notice}. Notebook findings point at the line of the
 * .ipynb file and name the cell in the title.
 */
public final class GithubReporter implements Reporter {
    @Override
    public boolean showsFingerprints() {
        return false;
    }

    @Override
    public void write(RunReport report, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        for (FileReport file : report.files()) {
            for (ReportedFinding reported : file.findings()) {
                writer.write(command(file, reported));
            }
            for (Diagnostic diagnostic : file.diagnostics()) {
                writer.write("::error file=" + property(file.path()) + ",title="
                        + property("pitfall could not check this file") + "::"
                        + data(TextReporter.describe(diagnostic)) + "\n");
            }
        }
        writer.flush();
    }

    private static String command(FileReport file, ReportedFinding reported) {
        Finding finding = reported.finding();
        StringBuilder command = new StringBuilder("::").append(level(finding.severity()));
        command.append(" file=").append(property(file.path()));
        String title = finding.code() + " [" + finding.name() + "]";
        NotebookPosition cell = reported.notebook();
        if (cell != null) {
            // Columns of the joined cell code do not correspond to columns of the JSON document.
            command.append(",line=").append(cell.ipynbStartLine()).append(",endLine=").append(cell.ipynbEndLine());
            title += " cell " + cell.cell() + ", line " + cell.cellLine();
        } else {
            command.append(",line=").append(finding.range().startLine())
                    .append(",col=").append(finding.range().startColumn())
                    .append(",endLine=").append(finding.range().endLine())
                    .append(",endColumn=").append(finding.range().endColumn());
        }
        command.append(",title=").append(property(title));
        command.append("::").append(data(finding.message())).append('\n');
        return command.toString();
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "notice";
        };
    }

    /** Escaping of a command's message, as the Actions runner unescapes it. */
    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escaping of a property value, which additionally may not contain ':' or ','. */
    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
