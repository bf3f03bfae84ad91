package dev.pitfall.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitfall.source.SourceFile;
import dev.pitfall.source.TextRange;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** flake8's and Ruff's {@code # noqa} conventions. */
class SuppressionsTest {
    private static Finding finding(String code, String name, int line) {
        return new Finding("t.py", code, name, Severity.ERROR, "m", new TextRange(line, 1, line, 2), List.of());
    }

    private static boolean suppressed(String source, String code, String name, int line) {
        return Suppressions.scan(SourceFile.ofText("t.py", source)).suppresses(finding(code, name, line));
    }

    @Test
    void blanketNoqaSuppressesEverythingOnItsLine() {
        String source = "def f(x=[]):  # noqa\n    pass\n";
        assertTrue(suppressed(source, "PF101", "mutable-default-argument", 1));
        assertFalse(suppressed(source, "PF101", "mutable-default-argument", 2));
    }

    @Test
    void codesAndNamesAreCaseInsensitiveAndSeparatedByCommasOrSpaces() {
        String source = "x = 1  # NoQA: pf101, Chained-Indexing unseeded-random\n";
        assertTrue(suppressed(source, "PF101", "mutable-default-argument", 1));
        assertTrue(suppressed(source, "PF401", "chained-indexing", 1));
        assertTrue(suppressed(source, "PF301", "unseeded-random", 1));
        assertFalse(suppressed(source, "PF501", "dataframe-row-iteration", 1));
    }

    @Test
    void noSpaceVariantsAreAccepted() {
        assertTrue(suppressed("x = 1 #noqa:PF101\n", "PF101", "mutable-default-argument", 1));
        assertTrue(suppressed("x = 1  # type: ignore # noqa\n", "PF101", "mutable-default-argument", 1));
    }

    @Test
    void aNoqaAfterOtherCommentsAndOnALastLineWithoutNewlineCounts() {
        String source = "# header\nx = 1  # why\ny = f(z=[])  # NOQA";
        assertFalse(suppressed(source, "PF101", "mutable-default-argument", 2));
        assertTrue(suppressed(source, "PF101", "mutable-default-argument", 3));
        assertFalse(suppressed("no = 1  # nothing to see\n", "PF101", "mutable-default-argument", 1));
    }

    @Test
    void noqaInsideStringsDoesNotCount() {
        assertFalse(suppressed("x = '# noqa'; y = f(z=[])\n", "PF101", "mutable-default-argument", 1));
        String triple = "doc = \"\"\"\nsee # noqa\n\"\"\"\nz = 1\n";
        assertFalse(suppressed(triple, "PF101", "mutable-default-argument", 2));
        assertTrue(suppressed("s = \"a\\\"b\"  # noqa\n", "PF101", "mutable-default-argument", 1),
                "an escaped quote does not end the string early");
    }

    @Test
    void syntaxErrorsCannotBeSuppressed() {
        assertFalse(suppressed("x = (  # noqa\n", "PF001", "syntax-error", 1));
    }

    @Test
    void parsing() {
        assertNull(Suppressions.parseNoqa("# just a comment"));
        assertEquals(Set.of(), Suppressions.parseNoqa("# noqa"));
        assertEquals(Set.of(), Suppressions.parseNoqa("# noqa:"));
        assertEquals(Set.of("pf101", "pf102"), Suppressions.parseNoqa("# noqa: PF101,PF102"));
    }

    @Test
    void commentsKnowTheirLines() {
        List<Suppressions.Comment> comments = Suppressions.comments("a = '''x\n# not\n'''  # one\nb = 2 # two\n");
        assertEquals(List.of(new Suppressions.Comment(3, "# one"), new Suppressions.Comment(4, "# two")), comments);
    }
}
