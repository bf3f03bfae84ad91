package dev.pitfall.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import dev.pitfall.source.SourceException;
import dev.pitfall.source.SourceReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Holds our token stream against CPython 3.13's {@code tokenize} over the whole standard library
 * (lib/python3.13 without site-packages), through parser/src/test/python/tokens.py.
 */
class PythonLexerOracleTest {
    @Test
    void everyStandardLibraryFileTokenisesLikeCPython() throws Exception {
        Path python = cpython();
        Path stdlib = python.getParent().getParent().resolve("lib/python3.13");
        List<Path> files = CPython.stdlibSources(stdlib);
        Path listing = Files.createTempFile("pitfall-lexer-oracle", ".txt");
        try {
            Files.write(listing, files.stream().map(Path::toString).collect(Collectors.toList()), StandardCharsets.UTF_8);
            OracleResult result = compare(python, listing);
            System.out.printf("lexer oracle: %d files, %d match CPython's tokens exactly, "
                            + "%d rejected by both with the same message and position, %d not decodable (skipped), %d mismatches%n",
                    files.size(), result.matched, result.bothInvalid, result.undecodable, result.mismatches.size());
            result.mismatches.stream().limit(40).forEach(m -> System.out.println("  MISMATCH " + m));
            assertEquals(files.size(), result.matched + result.bothInvalid + result.undecodable + result.mismatches.size());
            assertTrue(result.matched > 1500, "suspiciously few files compared: " + result.matched);
            assertEquals(List.of(), result.mismatches);
        } finally {
            Files.deleteIfExists(listing);
        }
    }

    /** The tricky cases of PythonLexerTest, held against CPython directly. */
    private static final String[] SNIPPETS = {
        "if a:\n    b\n    if c:\n        d\ne\n", "def f():\n  if x:\n    pass", "x = (1,\n  [2,\n{3\n}])\n",
        "if a and \\\n        b:\n    pass\n", "if a:\n  \tb\n  \tc\n", "if a:\n    b\n  \f    c\n",
        "if a:\r\n    b\r\nc\r\n", "  x\n", "iffy matches _x __init__ Truex types match case type _\n",
        "αβγ 変数 ℘x x·y 𝔘nicode\n", "a**=b->....\n", "1if x else 2\n", "[0x1for x in y]\n", "1.5.real\n",
        "ur'x'\n", "'''a''''b'\n", "rb\"\"\"x\"\"\" r'\\'' '\\N{BULLET}' b'\\x00' ''''''\n",
        "f\"a{x!r:>{w}}b\"\n", "f''\n", "f''''''\n", "f'a{{b}}'\n", "f'{{{{x}}}}'\n", "f\"{f\"{x}\"}\"\n",
        "f'{'a'}'\n", "f\"{x = }\"\n", "f'{x=!r:>10}'\n", "f'{a!=b}'\n", "f'{x[1:2]}'\n",
        "f'{(lambda: 1)()}'\n", "f'{(a:=b)}'\n", "f'{ {a: b} }'\n", "f'{a:=b}'\n", "f'{x:{y:{z}}}'\n",
        "f'{x:}'\n", "f'{t:%H:%M}'\n", "f'{a +\n  b}'\n", "f\"\"\"{x # comment\n}\"\"\"\n",
        "f\"{x # comment\n}\"\n", "f\"\"\"a\nb\"c{x}\"\"x\"\"\"\n", "f\"\"\"{x}\"\"\"\"\"\n",
        "f'\\N{BULLET}{x}'\n", "rf'\\N{x}'\n", "f'\\{x}'\n", "f'it\\'s\\n'\n", "f'{\"\\n\".join(x)}'\n",
        "rf'\\''\n", "f'''{x:a\nb}'''\n", "print(f'x={x}',\n  y)\n", "f'{x:{y}}}}'\n",
        "f'''a\\\nb{x:\\\n}'''\n", "f'{x:\\\\}'\n", "rf'{x:\\}'\n", "f'{x:\\N{BULLET}}'\n",
        "f'{x!r:{\"a\"}}'\n", "x = 1.e5 + 1_000.000_1e1_0j + 0o17 + 0B1 + 0XfF + 1E5J + 00_0\n",
        "match x:\n    case [a, *_]:\n        pass\n", "async def f():\n    await x\n", "f'{x:=^10}'\n",
        "f'''{\n  x\n  :>10}'''\n", "f'{x:{y!r}}'\n", "t = f'{'\\n'.join(a)}'\n", "x = '''\\\n'''\n",
        "if True:\n\n\n    pass\n\f\nx\n", "x = [\n# comment\n1]\n", "def f(a, /, b, *, c) -> int: ...\n",
        "type X[T = int] = list[T]\n", "f'{x:{y}.{z}f}'\n", "f'{x}' f'{y}' 'z'\n", "f'{x:\\n}'\n",
        "f\"{'''a\nb'''}\"\n", "f'{x:}}}'\n", "x = 1 if y else\\\n  2\n",
        "if x:\n    pass\n  # comment dedented oddly\n    pass\n", "if x:\n    pass\n\t\n",
        "x = 'a' \\\n    'b'\n", "x = 1\n    # trailing indented comment", "def f():\n    return\n\n# c\n\n",
        "f'{x:{{}}'\n", "f'{x=}' f'{x = !r:^20}'\n", "f'{3.14:!<10.10}'\n", "f'{a[\"b\"]:>{width}.{prec}}'\n",
        "a = f'''\n{\n  b # comment\n}\n'''\n", "print(f\"{'\\N{BULLET}'}\")\n", "f'{\"\\\\\"}'\n",
        "x = 1 \\\n\n", "\\\nx = 1\n", "if x:\n    a\n    \\\n  b\n", "  \\\nx\n",
        "class A:\n    def f(self):\n        pass\n\\\n    def g(self):\n        pass\n",
        "if x:\n  \\\n  \\\n    a\n", "if x:\n\\\n  \\\n    a\n  b\n", "if x:\n    a\n\\\n\n    b\n",
    };

    @Test
    void trickySnippetsTokeniseLikeCPython() throws Exception {
        Path python = cpython();
        Path directory = Files.createTempDirectory("pitfall-lexer-snippets");
        List<Path> files = new ArrayList<>();
        try {
            for (int i = 0; i < SNIPPETS.length; i++) {
                Path file = directory.resolve("snippet" + i + ".py");
                Files.writeString(file, SNIPPETS[i], StandardCharsets.UTF_8);
                files.add(file);
            }
            Path listing = directory.resolve("listing.txt");
            Files.write(listing, files.stream().map(Path::toString).collect(Collectors.toList()), StandardCharsets.UTF_8);
            OracleResult result = compare(python, listing);
            assertEquals(List.of(), result.mismatches);
            assertEquals(SNIPPETS.length, result.matched + result.bothInvalid);
        } finally {
            try (Stream<Path> walk = Files.list(directory)) {
                for (Path file : walk.collect(Collectors.toList())) {
                    Files.delete(file);
                }
            }
            Files.delete(directory);
        }
    }

    private static final class OracleResult {
        int matched;
        int bothInvalid;
        int undecodable;
        final List<String> mismatches = new ArrayList<>();
    }

    /** CPython 3.13's python3, found as the conformance test finds it; aborts the test loudly if absent. */
    private static Path cpython() {
        Path python = CPythonConformanceTest.locateCPython313();
        if (python == null) {
            System.err.println("*** SKIPPED PythonLexerOracleTest: CPython 3.13 not found "
                    + "(set PITFALL_PYTHON313 or install it with pyenv as 3.13.0) ***");
            Assumptions.abort("CPython 3.13 is not installed");
        }
        return python;
    }

    private static OracleResult compare(Path python, Path listing) throws IOException, InterruptedException {
        OracleResult result = new OracleResult();
        Map<Path, SyntaxError> ourErrors = new LinkedHashMap<>();
        runTokensScript(python, List.of(listing.toString()), (file, expected) -> judge(file, expected, result, ourErrors));
        if (ourErrors.isEmpty()) {
            return result;
        }
        // Our errors are checked against compile(), which is stricter than tokenize.
        Path errorListing = Files.createTempFile("pitfall-lexer-errors", ".txt");
        try {
            Files.write(errorListing, ourErrors.keySet().stream().map(Path::toString).collect(Collectors.toList()),
                    StandardCharsets.UTF_8);
            runTokensScript(python, List.of("--compile", errorListing.toString()), (file, compileOutput) -> {
                SyntaxError ours = ourErrors.get(file);
                String oursInOracleForm = "COMPILE_ERROR " + ours.line() + " " + ours.column() + " "
                        + LexerTokens.escape(ours.message());
                if (compileOutput.equals(List.of(oursInOracleForm))) {
                    result.bothInvalid++;
                } else {
                    result.mismatches.add(file + ": our error " + oursInOracleForm + " | CPython compile() "
                            + (compileOutput.isEmpty() ? "accepts it" : compileOutput.get(0)));
                }
            });
        } finally {
            Files.deleteIfExists(errorListing);
        }
        return result;
    }

    /** Runs tokens.py and hands each file's output lines to {@code perFile}. */
    private static void runTokensScript(Path python, List<String> arguments, FileOutputConsumer perFile)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(python.toString(), tokensScript().toString()));
        command.addAll(arguments);
        Process tokens = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(tokens.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            Path current = null;
            List<String> lines = new ArrayList<>();
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("== ") && current == null) {
                    current = Paths.get(line.substring(3));
                    lines.clear();
                } else if (line.equals("== end")) {
                    perFile.accept(current, lines);
                    current = null;
                } else {
                    lines.add(line);
                }
            }
        }
        assertEquals(0, tokens.waitFor(), "tokens.py failed");
    }

    private interface FileOutputConsumer {
        void accept(Path file, List<String> lines) throws IOException;
    }

    private static void judge(Path file, List<String> expected, OracleResult result, Map<Path, SyntaxError> ourErrors)
            throws IOException {
        String tokenizeError = expected.size() == 1 && expected.get(0).startsWith("ERROR ") ? expected.get(0) : null;
        String source = decode(file);
        if (source == null || (tokenizeError != null && tokenizeError.contains("encoding problem"))) {
            // Decoding is the source reader's job and has its own tests.
            result.undecodable++;
            return;
        }
        PythonLexer lexer = LexerTokens.lexer(source);
        List<String> actual = LexerTokens.oracleForm(LexerTokens.all(lexer));
        if (lexer.firstError() != null) {
            ourErrors.put(file, lexer.firstError());
            return;
        }
        if (tokenizeError != null) {
            result.mismatches.add(file + ": CPython says " + tokenizeError + ", we accept it");
            return;
        }
        if (actual.equals(expected)) {
            result.matched++;
            return;
        }
        int i = 0;
        while (i < actual.size() && i < expected.size() && actual.get(i).equals(expected.get(i))) {
            i++;
        }
        result.mismatches.add(file + ": token " + i + ": CPython " + (i < expected.size() ? expected.get(i) : "<end>")
                + " | ours " + (i < actual.size() ? actual.get(i) : "<end>"));
    }

    /** The text our pipeline lexes (PEP 263 decoding, newlines normalised), or null if it cannot be read. */
    private static String decode(Path file) throws IOException {
        try {
            return SourceReader.decode(Files.readAllBytes(file), file.toString(), false).text();
        } catch (SourceException e) {
            return null;
        }
    }

    private static Path tokensScript() {
        String root = System.getProperty("pitfall.root");
        Path script = Paths.get(root == null ? ".." : root, "parser/src/test/python/tokens.py");
        return Files.exists(script) ? script : Paths.get("src/test/python/tokens.py");
    }

    /** CPython 3.13's installation prefix, for the other corpus tests; null if it is not installed. */
    static final class CPython {
        private CPython() {
        }

        static Path prefix() {
            Path python = CPythonConformanceTest.locateCPython313();
            return python == null ? null : python.getParent().getParent();
        }

        /** Every .py file of the standard library folder {@code stdlib} but site-packages, sorted. */
        static List<Path> stdlibSources(Path stdlib) throws IOException {
            try (Stream<Path> walk = Files.walk(stdlib)) {
                return walk.filter(p -> p.toString().endsWith(".py"))
                        .filter(p -> !stdlib.relativize(p).startsWith("site-packages"))
                        .sorted()
                        .collect(Collectors.toList());
            }
        }
    }
}
