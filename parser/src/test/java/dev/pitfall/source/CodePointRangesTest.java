package dev.pitfall.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitfall.ast.AstDump;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CodePointRangesTest {

    @Test
    void containsExactlyTheRangesBothEndsIncluded() {
        CodePointRanges ranges = new CodePointRanges(new int[] {0xAA, 0xAA, 0xC0, 0xD6, 0x10FFFE, 0x10FFFF});
        String members = IntStream.of(0, 0xA9, 0xAA, 0xAB, 0xBF, 0xC0, 0xC5, 0xD6, 0xD7, 0x10FFFD, 0x10FFFE, 0x10FFFF)
                .mapToObj(codePoint -> Integer.toHexString(codePoint) + "=" + ranges.contains(codePoint))
                .reduce((a, b) -> a + " " + b).orElseThrow();
        assertEquals("0=false a9=false aa=true ab=false bf=false c0=true c5=true d6=true d7=false "
                + "10fffd=false 10fffe=true 10ffff=true", members);
    }

    @Test
    void loadsAGeneratedTable() {
        CodePointRanges nonprintable = CodePointRanges.load(AstDump.class, "nonprintable.txt");
        assertTrue(nonprintable.contains(0x7F));
        assertFalse(nonprintable.contains('a'));
    }
}
