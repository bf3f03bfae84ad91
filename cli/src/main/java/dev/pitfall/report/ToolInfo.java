package dev.pitfall.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** pitfall's name, version (from the build) and home page, as reports and --version show them. */
public final class ToolInfo {
    public static final String NAME = "pitfall";
    public static final String HOMEPAGE = "https://github.com/pitfall-dev/pitfall";
    public static final String ISSUES = HOMEPAGE + "/issues";
    private static final String VERSION = loadVersion();

    private ToolInfo() {
    }

    public static String version() {
        return VERSION;
    }

    /** Where a rule's documentation is published: the rule table of the README. */
    public static String helpUri(String code) {
        return HOMEPAGE + "#" + code.toLowerCase(java.util.Locale.ROOT);
    }

    private static String loadVersion() {
        Properties properties = new Properties();
        try (InputStream in = ToolInfo.class.getResourceAsStream("/dev/pitfall/report/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // Without the resource the version is simply unknown; it is not worth failing a run.
        }
        return properties.getProperty("version", "unknown");
    }
}
