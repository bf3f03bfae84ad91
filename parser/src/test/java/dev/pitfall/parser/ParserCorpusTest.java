package dev.pitfall.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitfall.source.SourceException;
import dev.pitfall.source.SourceFile;
import dev.pitfall.source.SourceReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.atn.ATNConfigSet;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.dfa.DFA;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guards the grammar's design over CPython 3.13's standard library (test suite included,
 * site-packages excluded): every file CPython accepts must parse with SLL prediction alone, and
 * full-LL prediction with exact ambiguity detection must find no ambiguity. Either regression would
 * not break parsing, only make it several times slower, so only a test can catch it.
 */
class ParserCorpusTest {
    private static Path stdlib;
    private static Path python;
    private static List<Path> files;

    @BeforeAll
    static void findCorpus() throws IOException {
        Path prefix = PythonLexerOracleTest.CPython.prefix();
        if (prefix == null) {
            System.err.println("*** SKIPPED ParserCorpusTest: CPython 3.13 not found (pyenv prefix 3.13.0) ***");
            Assumptions.abort("CPython 3.13 is not installed");
        }
        python = prefix.resolve("bin/python3");
        stdlib = prefix.resolve("lib/python3.13");
        files = PythonLexerOracleTest.CPython.stdlibSources(stdlib);
    }

    @Test
    void everyFileCPythonAcceptsParsesWithoutTheLlFallback() throws Exception {
        Set<Path> rejectedByCPython = rejectedByCPython();
        List<String> problems = new ArrayList<>();
        int parsed = 0;
        for (Path file : files) {
            SourceFile source;
            try {
                source = SourceReader.read(file, stdlib.relativize(file).toString());
            } catch (SourceException undecodable) {
                if (!rejectedByCPython.contains(file)) {
                    problems.add("not decodable but valid: " + file);
                }
                continue;
            }
            SourceParser.Outcome outcome = SourceParser.parseWithDetails(source);
            boolean valid = !rejectedByCPython.contains(file);
            if (valid && outcome.result() instanceof ParseResult.Failure failure) {
                problems.add("rejected but valid: " + source.path() + " " + failure.error());
            } else if (valid && outcome.usedFallback()) {
                problems.add("needed the LL fallback: " + source.path());
            } else if (!valid && outcome.result() instanceof ParseResult.Success) {
                problems.add("accepted but invalid: " + source.path());
            }
            parsed++;
        }
        System.out.printf("parser corpus: %d files, %d parsed, %d rejected by CPython, %d problems%n",
                files.size(), parsed, rejectedByCPython.size(), problems.size());
        assertTrue(parsed > 1500, "suspiciously few files: " + parsed);
        assertEquals(List.of(), problems);
    }

    /**
     * Full LL with exact ambiguity detection over the whole corpus. SLL mode silently picks the
     * lowest alternative on a conflict; this mode reports every true ambiguity of the grammar.
     */
    @Test
    void fullLlPredictionFindsNoAmbiguity() throws Exception {
        Set<String> ambiguities = new TreeSet<>();
        for (Path file : files) {
            SourceFile source;
            try {
                source = SourceReader.read(file, stdlib.relativize(file).toString());
            } catch (SourceException undecodable) {
                continue;
            }
            PythonLexer lexer = new PythonLexer(CharStreams.fromString(source.text()));
            lexer.removeErrorListeners();
            PythonParser parser = new PythonParser(new CommonTokenStream(lexer));
            parser.removeErrorListeners();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL_EXACT_AMBIG_DETECTION);
            parser.addErrorListener(new BaseErrorListener() {
                @Override
                public void reportAmbiguity(Parser recognizer, DFA dfa, int startIndex, int stopIndex, boolean exact,
                                            BitSet ambigAlts, ATNConfigSet configs) {
                    String rule = PythonParser.ruleNames[dfa.atnStartState.ruleIndex];
                    ambiguities.add(rule + " (decision " + dfa.decision + ") in " + source.path() + " at token "
                            + startIndex + ".." + stopIndex);
                }
            });
            parser.file_input();
        }
        ambiguities.stream().limit(20).forEach(a -> System.out.println("  AMBIGUITY " + a));
        assertEquals(Set.of(), ambiguities.stream().limit(20).collect(Collectors.toSet()));
    }

    /** The files that CPython's {@code compile()} rejects (or cannot decode), from CPython itself. */
    private static Set<Path> rejectedByCPython() throws IOException, InterruptedException {
        String script = String.join("\n",
                "import sys",
                "for path in sys.stdin.read().split('\\n'):",
                "    if not path: continue",
                "    try:",
                "        compile(open(path, 'rb').read(), path, 'exec', dont_inherit=True)",
                "    except (SyntaxError, ValueError):",
                "        print(path)");
        Process process = new ProcessBuilder(python.toString(), "-W", "ignore", "-c", script)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        process.getOutputStream().write(files.stream().map(Path::toString).collect(Collectors.joining("\n"))
                .getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), "CPython failed to check the corpus");
        Set<Path> rejected = new HashSet<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                rejected.add(Path.of(line));
            }
        }
        return rejected;
    }
}
