package dev.pitfall.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** .gitignore semantics as git documents them (gitignore(5)). */
class IgnorePatternTest {
    private static boolean matches(String pattern, String path, boolean directory) {
        return IgnorePattern.parse(pattern).matches(path, directory);
    }

    @Test
    void blankLinesAndCommentsAreNoPatterns() {
        assertNull(IgnorePattern.parse(""));
        assertNull(IgnorePattern.parse("   "));
        assertNull(IgnorePattern.parse("# comment"));
        assertTrue(matches("\\#file.py", "#file.py", false));
    }

    @Test
    void patternWithoutSlashMatchesAtAnyDepth() {
        assertTrue(matches("*.py", "a.py", false));
        assertTrue(matches("*.py", "deep/down/a.py", false));
        assertFalse(matches("*.py", "a.pyc", false));
        assertTrue(matches("generated", "src/generated", true));
    }

    @Test
    void patternWithoutSlashLooksAtTheLastNameOnly() {
        assertTrue(matches("generated", "generated", true));
        assertFalse(matches("generated", "generated/a.py", false));
        assertFalse(matches("generated", "src/generated2", true));
        assertFalse(matches("generated", "src/re-generated", true));
        assertTrue(matches("*.un~", "a/b.un~", false));
        assertFalse(matches("*.un~", "a.un~/b", false));
        assertTrue(matches("gen\\*", "a/gen*", false));
        assertFalse(matches("gen\\*", "a/gen1", false));
        // Classes and a lone ** keep the whole-path regex.
        assertTrue(matches("[ab].py", "x/a.py", false));
        assertTrue(matches("**", "a/b.py", false));
    }

    @Test
    void slashAtStartOrInTheMiddleAnchors() {
        assertTrue(matches("/build.py", "build.py", false));
        assertFalse(matches("/build.py", "sub/build.py", false));
        assertTrue(matches("doc/frotz", "doc/frotz", true));
        assertFalse(matches("doc/frotz", "a/doc/frotz", true));
    }

    @Test
    void trailingSlashMatchesDirectoriesOnly() {
        assertTrue(matches("out/", "out", true));
        assertFalse(matches("out/", "out", false));
        assertTrue(matches("out/", "x/out", true));
    }

    @Test
    void starAndQuestionMarkStopAtSlashes() {
        assertTrue(matches("data/*.py", "data/a.py", false));
        assertFalse(matches("data/*.py", "data/sub/a.py", false));
        assertTrue(matches("a?.py", "ab.py", false));
        assertFalse(matches("a?.py", "a/.py", false));
    }

    @Test
    void doubleStars() {
        assertTrue(matches("**/fixtures", "fixtures", true));
        assertTrue(matches("**/fixtures", "a/b/fixtures", true));
        assertTrue(matches("data/**", "data/x/y.py", false));
        assertFalse(matches("data/**", "data", true));
        assertTrue(matches("a/**/b.py", "a/b.py", false));
        assertTrue(matches("a/**/b.py", "a/x/y/b.py", false));
    }

    @Test
    void characterClasses() {
        assertTrue(matches("run[0-9].py", "run7.py", false));
        assertFalse(matches("run[!0-9].py", "run7.py", false));
        assertTrue(matches("run[!0-9].py", "runx.py", false));
    }

    @Test
    void anchoredPatternsMatchOnlyPathsOfTheirDepth() {
        // Without "**" an anchored pattern's wildcards never cross '/', so its depth is fixed.
        assertTrue(matches("/src/*.o", "src/a.o", false));
        assertFalse(matches("/src/*.o", "src/deep/a.o", false));
        assertFalse(matches("/src/*.o", "src", true));
        assertTrue(matches("a/?/c", "a/b/c", false));
        assertFalse(matches("a/?/c", "a/b/c/d", false));
        assertTrue(matches("/versions", "versions", true));
        assertFalse(matches("/versions", "versions/3.13.0/lib", true));
        // With "**" the depth is free.
        assertTrue(matches("a/**/c", "a/x/y/c", false));
        assertTrue(matches("a/**", "a/x/y/c", false));
    }

    @Test
    void decideOnlyAnswersStrictlyBelowTheBase() {
        Path base = Path.of("/repo/sub");
        IgnoreRules rules = IgnoreRules.ofLines(base, List.of("/a", "*.py"));
        assertEquals(Boolean.TRUE, rules.decide(Path.of("/repo/sub/a"), true));
        assertEquals(Boolean.TRUE, rules.decide(Path.of("/repo/sub/x/y.py"), false));
        assertNull(rules.decide(Path.of("/repo/sub"), true), "the base itself");
        assertNull(rules.decide(Path.of("/repo/subway/y.py"), false), "a sibling whose name starts like the base");
        assertNull(rules.decide(Path.of("/repo/y.py"), false));
        IgnoreRules atRoot = IgnoreRules.ofLines(Path.of("/"), List.of("/tmp"));
        assertEquals(Boolean.TRUE, atRoot.decide(Path.of("/tmp"), true));
        assertNull(atRoot.decide(Path.of("/tmp/x"), true));
    }

    @Test
    void lastMatchingPatternWinsAndNegationReincludes() {
        Path base = Path.of("/repo");
        IgnoreRules rules = IgnoreRules.ofLines(base, List.of("*.py", "!keep.py", "# note"));
        assertEquals(Boolean.TRUE, rules.decide(base.resolve("drop.py"), false));
        assertEquals(Boolean.FALSE, rules.decide(base.resolve("sub/keep.py"), false));
        assertNull(rules.decide(base.resolve("notes.txt"), false));
        assertNull(rules.decide(Path.of("/elsewhere/drop.py"), false), "outside its directory a .gitignore says nothing");
    }

    @Test
    void directoryOnlyListsLeaveFilesUndecided() {
        // Every pattern ends in '/': decide answers for files without matching, for directories as before.
        Path base = Path.of("/repo");
        IgnoreRules rules = IgnoreRules.ofLines(base, List.of("build/", "!build/keep/"));
        assertNull(rules.decide(base.resolve("build"), false), "a file named like a directory-only pattern");
        assertEquals(Boolean.TRUE, rules.decide(base.resolve("build"), true));
        assertEquals(Boolean.TRUE, rules.decide(base.resolve("src/build"), true));
        assertEquals(Boolean.FALSE, rules.decide(base.resolve("build/keep"), true));
    }

    @Test
    void parentDirectoryCoversExplicitFiles() {
        Path base = Path.of("/repo");
        IgnoreRules rules = IgnoreRules.ofLines(base, List.of("tests/"));
        assertTrue(rules.coversPathOrParent(base.resolve("tests/unit/test_a.py")));
        assertFalse(rules.coversPathOrParent(base.resolve("src/tests.py")));
    }
}
