package dev.pitfall.parser;

import dev.pitfall.ast.Module;

/** The outcome of parsing one file: a whole module, or the first syntax error. Never both. */
public sealed interface ParseResult {
    record Success(Module module) implements ParseResult {
    }

    record Failure(SyntaxError error) implements ParseResult {
    }
}
