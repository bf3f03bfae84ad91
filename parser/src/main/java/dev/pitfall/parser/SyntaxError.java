package dev.pitfall.parser;

/**
 * A syntax (or indentation, or tab) error in user code, as a value. {@code line} is 1-based and
 * {@code column} is 1-based in characters, like CPython's {@code SyntaxError.lineno/offset}.
 */
public record SyntaxError(int line, int column, String message) {
}
