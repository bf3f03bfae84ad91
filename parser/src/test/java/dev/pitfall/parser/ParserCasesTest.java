package dev.pitfall.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitfall.ast.AstDump;
import dev.pitfall.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every construct of Python 3.13 the parser must handle, and the syntax errors CPython reports at
 * parse time. The sources are in parser-cases.py.txt; the expected dumps and errors in
 * parser-cases.expected.txt were produced by CPython 3.13 with parser/src/test/python/parser_cases.py.
 */
class ParserCasesTest {
    @TestFactory
    Stream<DynamicTest> everyCaseMatchesCPython() throws IOException {
        Map<String, String> sources = sections(resource("parser-cases.py.txt").replace("\\x0c", "\f"), true);
        Map<String, String> expected = sections(resource("parser-cases.expected.txt"), false);
        assertEquals(sources.keySet(), expected.keySet(), "cases and expectations are out of step");
        assertTrue(sources.size() > 100);
        return sources.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            String want = expected.get(entry.getKey()).strip();
            assertEquals(want, outcome(entry.getValue()));
        }));
    }

    @Test
    void validCasesAreNeverErrorsAndInvalidOnesAlwaysAre() throws IOException {
        Map<String, String> sources = sections(resource("parser-cases.py.txt").replace("\\x0c", "\f"), true);
        for (Map.Entry<String, String> entry : sources.entrySet()) {
            boolean invalid = entry.getKey().startsWith("invalid:");
            assertEquals(invalid, outcome(entry.getValue()).startsWith("SyntaxError"), entry.getKey());
        }
    }

    static String outcome(String source) {
        ParseResult result = SourceParser.parse(SourceFile.ofText("case.py", source));
        if (result instanceof ParseResult.Success success) {
            return AstDump.dump(success.module());
        }
        SyntaxError error = ((ParseResult.Failure) result).error();
        return "SyntaxError: " + error.line() + ":" + error.column() + ": " + error.message();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ParserCasesTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Splits '### name' sections, keeping source text exactly as parser_cases.py does. */
    private static Map<String, String> sections(String text, boolean isSource) {
        Map<String, String> out = new LinkedHashMap<>();
        String name = null;
        List<String> lines = new ArrayList<>();
        String[] all = text.split("\n", -1);
        for (String line : all) {
            if (line.startsWith("### ")) {
                if (name != null) {
                    out.put(name, String.join("\n", lines) + "\n");
                }
                name = line.substring(4);
                lines.clear();
            } else {
                lines.add(line);
            }
        }
        if (name != null) {
            String last = String.join("\n", lines);
            out.put(name, (isSource ? last.replaceAll("\n+$", "") : last) + "\n");
        }
        return out;
    }
}
