package dev.pitfall.source;

/**
 * A file that cannot be turned into source text: unreadable, undecodable, or a malformed notebook.
 * The message is one line naming the problem; callers print it after the file's path.
 */
public final class SourceException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;

    public SourceException(String message) {
        this(message, 0);
    }

    public SourceException(String message, int line) {
        super(message);
        this.line = line;
    }

    /** The 1-based line of the file where the problem is, or 0 when it concerns the whole file. */
    public int line() {
        return line;
    }
}
