package dev.pitfall.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitfall.parser.ParseResult;
import dev.pitfall.parser.SourceParser;
import dev.pitfall.source.SourceException;
import dev.pitfall.source.SourceFile;
import dev.pitfall.source.SourceReader;
import dev.pitfall.testing.CpythonAst;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Our scopes against CPython's symtable on every file of the standard library that both parse.
 * Slow, so it runs only with {@code -Dpitfall.stdlib=true}.
 */
class StdlibScopeOracleTest {
    /**
     * PEP 695 annotation scopes are compared on the snippets of ScopeOracleTest only: CPython's
     * internal details there (the implicit {@code __classdict__}, a lazily evaluated scope per
     * TypeVar bound) are not modelled.
     */
    private static boolean insideGenericScope(String line) {
        return line.contains("/type parameters ") || line.contains("/type variable ")
                || line.contains("/type alias ");
    }

    @Test
    void scopesMatchSymtableOnTheStandardLibrary() throws IOException {
        Assumptions.assumeTrue(Boolean.getBoolean("pitfall.stdlib"), "enable with -Dpitfall.stdlib=true");
        Path stdlib = Path.of(CpythonAst.python()).getParent().getParent().resolve("lib/python3.13");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(stdlib)) {
            files = walk.filter(p -> p.toString().endsWith(".py") && !p.toString().contains("site-packages"))
                    .sorted().toList();
        }
        List<SourceFile> sources = new ArrayList<>();
        List<ParseResult.Success> parsed = new ArrayList<>();
        for (Path file : files) {
            try {
                SourceFile source = SourceReader.read(file, stdlib.relativize(file).toString());
                ParseResult result = SourceParser.parse(source);
                if (result instanceof ParseResult.Success) {
                    sources.add(source);
                    parsed.add((ParseResult.Success) result);
                }
            } catch (SourceException e) {
                // undecodable test files: nothing to compare
            }
        }
        List<String> texts = sources.stream().map(SourceFile::text).toList();
        String script = ScopeOracleTest.SYMTABLE_DUMP;
        JsonNode oracle = new ObjectMapper().readTree(CpythonAst.runPython(script,
                new ObjectMapper().writeValueAsString(texts)));
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            if (oracle.get(i).isNull()) {
                continue;
            }
            Set<String> expected = new HashSet<>();
            oracle.get(i).forEach(line -> expected.add(line.asText()));
            Set<String> actual = new HashSet<>(ScopeOracleTest.symtableView(parsed.get(i).module(), sources.get(i)));
            expected.removeIf(StdlibScopeOracleTest::insideGenericScope);
            actual.removeIf(StdlibScopeOracleTest::insideGenericScope);
            if (!expected.equals(actual)) {
                Set<String> missing = new HashSet<>(expected);
                missing.removeAll(actual);
                Set<String> extra = new HashSet<>(actual);
                extra.removeAll(expected);
                mismatches.add(sources.get(i).path() + ": missing " + missing.stream().limit(3).toList()
                        + " extra " + extra.stream().limit(3).toList());
            }
        }
        System.out.println(sources.size() + " files compared, " + mismatches.size() + " differ");
        mismatches.stream().limit(80).forEach(System.out::println);
        assertEquals(0, mismatches.size(), mismatches.size() + " files differ from symtable");
    }
}
