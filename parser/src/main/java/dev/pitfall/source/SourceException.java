package dev.pitfall.source;

/**
 * A file that cannot be turned into source text: unreadable, undecodable, or a malformed notebook.
 * The message is one line naming the problem; callers print it after the file's path.
 */
public final class SourceException extends Exception {
    private static final long serialVersionUID = 1L;

    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
