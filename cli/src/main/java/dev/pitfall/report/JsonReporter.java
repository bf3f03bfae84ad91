package dev.pitfall.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.pitfall.lint.Finding;
import dev.pitfall.source.TextRange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * The {@code json} format: one array of finding objects, in path then position order. The schema
 * is documented in the README and is stable: fields are only ever added.
 */
public final class JsonReporter implements Reporter {
    private static final JsonFactory FACTORY = new JsonFactory();

    @Override
    public boolean showsFingerprints() {
        return true;
    }

    @Override
    public void write(RunReport report, OutputStream out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"));
            printer.indentArraysWith(new DefaultIndenter("  ", "\n"));
            json.setPrettyPrinter(printer);
            json.writeStartArray();
            for (FileReport file : report.files()) {
                for (ReportedFinding reported : file.findings()) {
                    writeFinding(json, file, reported);
                }
            }
            json.writeEndArray();
            json.writeRaw('\n');
        }
    }

    private static void writeFinding(JsonGenerator json, FileReport file, ReportedFinding reported) throws IOException {
        Finding finding = reported.finding();
        json.writeStartObject();
        json.writeStringField("path", file.path());
        json.writeStringField("code", finding.code());
        json.writeStringField("name", finding.name());
        json.writeStringField("severity", finding.severity().name().toLowerCase(Locale.ROOT));
        json.writeStringField("message", finding.message());
        writeRange(json, finding.range(), reported.notebook());
        json.writeArrayFieldStart("related");
        for (int i = 0; i < finding.related().size(); i++) {
            Finding.RelatedLocation related = finding.related().get(i);
            json.writeStartObject();
            writeRange(json, related.range(), reported.relatedNotebook().isEmpty() ? null : reported.relatedNotebook().get(i));
            json.writeStringField("message", related.message());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("fingerprint", reported.fingerprint());
        json.writeEndObject();
    }

    private static void writeRange(JsonGenerator json, TextRange range, NotebookPosition cell) throws IOException {
        json.writeNumberField("line", range.startLine());
        json.writeNumberField("column", range.startColumn());
        json.writeNumberField("end_line", range.endLine());
        json.writeNumberField("end_column", range.endColumn());
        if (cell == null) {
            json.writeNullField("cell");
            json.writeNullField("cell_line");
            json.writeNullField("cell_end_line");
        } else {
            json.writeNumberField("cell", cell.cell());
            json.writeNumberField("cell_line", cell.cellLine());
            json.writeNumberField("cell_end_line", cell.cellEndLine());
        }
    }
}
