package dev.pitfall.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pitfall.source.TextRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingOrderTest {
    private static Finding finding(String code, String message, int startLine, int startColumn, int endLine,
                                   int endColumn) {
        return new Finding("f.py", code, "name", Severity.WARNING, message,
                new TextRange(startLine, startColumn, endLine, endColumn), List.of());
    }

    @Test
    void ordersByStartThenEndThenCodeThenMessage() {
        List<Finding> expected = List.of(
                finding("PF9", "z", 1, 0, 9, 9),
                finding("PF1", "a", 2, 0, 2, 5),
                finding("PF1", "a", 2, 3, 2, 4),
                finding("PF1", "a", 2, 3, 3, 0),
                finding("PF1", "a", 2, 3, 3, 1),
                finding("PF1", "b", 2, 3, 3, 1),
                finding("PF2", "a", 2, 3, 3, 1),
                finding("PF1", "a", 10, 0, 10, 1));
        List<Finding> shuffled = new ArrayList<>(expected);
        Collections.reverse(shuffled);
        shuffled.add(0, shuffled.remove(4));

        shuffled.sort(Finding.SOURCE_ORDER);

        assertEquals(expected, shuffled);
    }
}
