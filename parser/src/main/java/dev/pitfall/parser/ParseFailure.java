package dev.pitfall.parser;

/**
 * Carries a {@link SyntaxError} out of the depths of the AST builder to {@link SourceParser}, which
 * turns it into a {@link ParseResult.Failure}. It never escapes the parser package.
 */
final class ParseFailure extends RuntimeException {
    private final SyntaxError error;

    ParseFailure(SyntaxError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    SyntaxError error() {
        return error;
    }
}
