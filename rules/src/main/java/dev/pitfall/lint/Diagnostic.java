package dev.pitfall.lint;

/**
 * A problem with running pitfall on one file, as opposed to a finding in the user's code: the
 * file could not be read or decoded, or a rule failed (an internal error: a bug of ours).
 * {@code ruleCode} is null unless one rule failed.
 */
public record Diagnostic(String path, Kind kind, String ruleCode, String message) {
    public enum Kind {
        /** The file could not be read, decoded or understood as a notebook. */
        UNREADABLE,
        /** A bug in pitfall: reported so the user can tell us. */
        INTERNAL_ERROR
    }
}
