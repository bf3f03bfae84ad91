package dev.pitfall.config;

/** A mistake in the user's configuration or options; its message is shown as is (exit code 2). */
public class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}
