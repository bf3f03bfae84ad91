package dev.pitfall.lint;

import dev.pitfall.parser.SyntaxError;
import dev.pitfall.source.SourceFile;
import dev.pitfall.source.TextRange;
import java.util.List;

/**
 * PF001: the file is not valid Python. There is no tree to walk, so this rule registers no
 * handlers; the linter reports the parser's error through {@link #finding}. It is a rule like the
 * others so that it can be selected, suppressed and listed in SARIF.
 */
@RuleInfo(code = SyntaxErrorRule.CODE, name = "syntax-error",
        summary = "The file is not valid Python, so no other rule can check it",
        severity = Severity.ERROR, tags = {"correctness"}, precision = "very-high",
        explanation = """
                ## What it does
                Reports the first syntax error in a file (or in a notebook's joined code cells), \
                with the message CPython would give.

                ## Why it matters
                Python refuses to run the file at all, and pitfall cannot check any other rule in it.

                ## Example
                ```python
                def train(model)
                    model.fit()
                ```

                ## Use instead
                ```python
                def train(model):
                    model.fit()
                ```
                """)
public final class SyntaxErrorRule implements Rule {
    /** The code the linter, suppressions and reporters treat specially: a file with it was not checked. */
    public static final String CODE = "PF001";

    @Override
    public void register(Dispatch dispatch) {
        // Reported by the linter from the parse result: a file with a syntax error has no tree.
    }

    static Finding finding(SourceFile source, SyntaxError error, RuleDescriptor descriptor) {
        int line = Math.max(1, error.line());
        int column = Math.max(1, error.column());
        int lineLength = source.line(line).length();
        int endColumn = column <= lineLength ? column + 1 : column;
        return new Finding(source.path(), descriptor.code(), descriptor.name(),
                descriptor.defaultSeverity(), error.message(),
                new TextRange(line, column, line, endColumn), List.of());
    }
}
