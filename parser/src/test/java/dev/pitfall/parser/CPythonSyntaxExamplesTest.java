package dev.pitfall.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitfall.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The hundreds of valid and invalid snippets of CPython's own test_syntax.py, judged by CPython 3.13
 * at test time: we must accept and reject exactly the same ones, and word most errors the same.
 */
class CPythonSyntaxExamplesTest {
    /** Examples whose message and position match CPython's today; a drop is a regression. */
    private static final int MATCHING_MESSAGES_FLOOR = 280;

    @Test
    void acceptAndRejectExactlyWhatCPythonDoes() throws Exception {
        Path prefix = PythonLexerOracleTest.CPython.prefix();
        if (prefix == null) {
            System.err.println("*** SKIPPED CPythonSyntaxExamplesTest: CPython 3.13 not found (pyenv prefix 3.13.0) ***");
            Assumptions.abort("CPython 3.13 is not installed");
        }
        String root = System.getProperty("pitfall.root");
        Path script = Paths.get(root == null ? ".." : root, "parser/src/test/python/syntax_examples.py");
        if (!Files.exists(script)) {
            script = Paths.get("src/test/python/syntax_examples.py");
        }
        Process python = new ProcessBuilder(prefix.resolve("bin/python3").toString(), script.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, python.waitFor());
        ObjectMapper json = new ObjectMapper();
        List<String> verdictMismatches = new ArrayList<>();
        int examples = 0;
        int errors = 0;
        int sameMessage = 0;
        int sameMessageAndPosition = 0;
        for (String line : out.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode example = json.readTree(line);
            String source = example.get("source").asText();
            JsonNode expected = example.get("error");
            ParseResult result = SourceParser.parse(SourceFile.ofText("example.py", source));
            examples++;
            boolean cpythonRejects = !expected.isNull();
            if (cpythonRejects != result instanceof ParseResult.Failure) {
                verdictMismatches.add((cpythonRejects ? "accepted: " : "rejected: ") + source.strip());
                continue;
            }
            if (!cpythonRejects) {
                continue;
            }
            errors++;
            SyntaxError error = ((ParseResult.Failure) result).error();
            if (error.message().equals(expected.get(2).asText())) {
                sameMessage++;
                if (error.line() == expected.get(0).asInt() && error.column() == expected.get(1).asInt()) {
                    sameMessageAndPosition++;
                }
            }
        }
        System.out.printf("test_syntax examples: %d, %d errors, %d same message, %d same message and position%n",
                examples, errors, sameMessage, sameMessageAndPosition);
        assertTrue(examples > 300, "suspiciously few examples: " + examples);
        assertEquals(List.of(), verdictMismatches);
        assertTrue(sameMessageAndPosition >= MATCHING_MESSAGES_FLOOR,
                "error wording regressed: " + sameMessageAndPosition + " < " + MATCHING_MESSAGES_FLOOR);
    }
}
