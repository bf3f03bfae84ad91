package dev.pitfall.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.pitfall.source.SourceFile;
import org.junit.jupiter.api.Test;

/**
 * {@code from __future__} rules that CPython's compiler (not its parser) enforces; {@code compile()}
 * decides whether a file is valid Python, so we enforce them too. Expected texts are CPython 3.13's.
 */
class FutureImportTest {
    private static ParseResult parse(String text) {
        return SourceParser.parse(SourceFile.ofText("future.py", text));
    }

    private static SyntaxError error(String text) {
        return assertInstanceOf(ParseResult.Failure.class, parse(text)).error();
    }

    @Test
    void futureImportsMayFollowTheDocstringAndEachOther() {
        assertInstanceOf(ParseResult.Success.class,
                parse("\"\"\"doc\"\"\"\nfrom __future__ import annotations\nfrom __future__ import division\nx = 1\n"));
    }

    @Test
    void aFutureImportAfterOtherCodeIsRejected() {
        assertEquals(new SyntaxError(2, 1, "from __future__ imports must occur at the beginning of the file"),
                error("x = 1\nfrom __future__ import annotations\n"));
    }

    @Test
    void unknownFeaturesAreRejected() {
        assertEquals(new SyntaxError(1, 24, "future feature nope is not defined"),
                error("from __future__ import nope\n"));
        assertEquals(new SyntaxError(1, 24, "not a chance"), error("from __future__ import braces\n"));
    }
}
