package dev.pitfall.cli;

/** A problem the user can fix (bad option, bad configuration, unwritable output): exit code 2. */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
