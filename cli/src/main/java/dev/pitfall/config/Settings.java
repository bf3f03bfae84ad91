package dev.pitfall.config;

import dev.pitfall.lint.Linter;
import dev.pitfall.lint.RuleDescriptor;
import dev.pitfall.lint.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The effective settings of a run: the configuration file's values with the command line's on
 * top, rule selectors resolved to codes.
 *
 * <p>Rule selection works in layers as in Ruff: each layer (first the file, then the command line)
 * may reset the set with {@code select}, add with {@code extend-select} and remove with
 * {@code ignore}. Without any {@code select}, every rule is enabled.
 */
public final class Settings {
    /** Directories never worth linting; {@code exclude} replaces this list, {@code extend-exclude} adds. */
    public static final List<String> DEFAULT_EXCLUDES = List.of(".git/", ".hg/", ".svn/", "__pycache__/",
            "node_modules/", "build/", "dist/", ".venv/", "venv/", ".tox/", ".nox/", ".mypy_cache/",
            ".pytest_cache/", ".ruff_cache/", ".pitfall_cache/", "site-packages/", ".ipynb_checkpoints/");

    private final Path root;
    private final SortedSet<String> enabledCodes;
    private final Map<String, Severity> severities;
    private final IgnoreRules excludes;
    private final List<PerFileIgnore> perFileIgnores;

    private record PerFileIgnore(IgnoreRules pattern, Set<String> codes) {
    }

    /** What the command line says; null or empty values leave the file's settings alone. */
    public record Overrides(List<String> select, List<String> extendSelect, List<String> ignore,
            List<String> exclude, List<String> extendExclude, Map<String, String> severity) {
        public static Overrides none() {
            return new Overrides(null, List.of(), List.of(), null, List.of(), Map.of());
        }
    }

    private Settings(Path root, SortedSet<String> enabledCodes, Map<String, Severity> severities,
            IgnoreRules excludes, List<PerFileIgnore> perFileIgnores) {
        this.root = root;
        this.enabledCodes = enabledCodes;
        this.severities = severities;
        this.excludes = excludes;
        this.perFileIgnores = perFileIgnores;
    }

    public static Settings resolve(PitfallConfig config, Overrides cli) throws ConfigException {
        String fileOrigin = config.origin();
        SortedSet<String> enabled = new TreeSet<>();
        Linter.allRules().forEach(rule -> enabled.add(rule.code()));
        applyLayer(enabled, config.select(), config.extendSelect(), config.ignore(), fileOrigin + ": ");
        applyLayer(enabled, cli.select(), cli.extendSelect(), cli.ignore(), "--");

        // Only what the user configures: a rule reports each finding at its own severity otherwise.
        Map<String, Severity> severities = new HashMap<>();
        applySeverities(severities, config.severity(), fileOrigin + ": [tool.pitfall.severity]");
        applySeverities(severities, cli.severity(), "--severity");

        List<String> excludeSource = cli.exclude() != null ? cli.exclude()
                : config.exclude() != null ? config.exclude() : DEFAULT_EXCLUDES;
        List<String> excludeLines = new ArrayList<>(excludeSource);
        excludeLines.addAll(config.extendExclude());
        excludeLines.addAll(cli.extendExclude());
        IgnoreRules excludes = IgnoreRules.ofLines(config.root(), excludeLines);

        List<PerFileIgnore> perFileIgnores = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : config.perFileIgnores().entrySet()) {
            Set<String> codes = new TreeSet<>();
            for (String selector : entry.getValue()) {
                codes.addAll(RuleSelector.resolve(selector, fileOrigin + ": per-file-ignores \"" + entry.getKey() + "\""));
            }
            perFileIgnores.add(new PerFileIgnore(IgnoreRules.ofLines(config.root(), List.of(entry.getKey())), codes));
        }
        return new Settings(config.root(), Collections.unmodifiableSortedSet(enabled), severities, excludes,
                List.copyOf(perFileIgnores));
    }

    private static void applyLayer(Set<String> enabled, List<String> select, List<String> extendSelect,
            List<String> ignore, String keyPrefix) throws ConfigException {
        if (select != null) {
            enabled.clear();
            for (String selector : select) {
                enabled.addAll(RuleSelector.resolve(selector, keyPrefix + "select"));
            }
        }
        for (String selector : extendSelect) {
            enabled.addAll(RuleSelector.resolve(selector, keyPrefix + "extend-select"));
        }
        for (String selector : ignore) {
            enabled.removeAll(RuleSelector.resolve(selector, keyPrefix + "ignore"));
        }
    }

    private static void applySeverities(Map<String, Severity> severities, Map<String, String> overrides,
            String origin) throws ConfigException {
        for (Map.Entry<String, String> entry : overrides.entrySet()) {
            RuleDescriptor rule = RuleSelector.single(entry.getKey(), origin);
            severities.put(rule.code(), parseSeverity(entry.getValue(), origin + ": " + entry.getKey()));
        }
    }

    public static Severity parseSeverity(String value, String where) throws ConfigException {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "error":
                return Severity.ERROR;
            case "warning":
                return Severity.WARNING;
            case "note":
                return Severity.NOTE;
            default:
                throw new ConfigException(where + ": unknown severity '" + value + "' (use error, warning or note)");
        }
    }

    /** The directory exclude and per-file-ignores patterns are relative to. */
    public Path root() {
        return root;
    }

    public SortedSet<String> enabledCodes() {
        return enabledCodes;
    }

    /** The configured severity of a rule, or its default severity. */
    public Severity severity(String code) {
        Severity configured = severities.get(code);
        return configured != null ? configured
                : Linter.findRule(code).map(RuleDescriptor::defaultSeverity).orElse(Severity.WARNING);
    }

    /**
     * The severity the configuration or command line sets for a rule, which replaces the
     * severity of each of its findings; empty when the rule's own per-finding severities stand.
     */
    public java.util.Optional<Severity> configuredSeverity(String code) {
        return java.util.Optional.ofNullable(severities.get(code));
    }

    /** Whether a file or directory found while walking is excluded by the exclude patterns. */
    public boolean isExcluded(Path absolute, boolean isDirectory) {
        return Boolean.TRUE.equals(excludes.decide(absolute, isDirectory));
    }

    /** Whether a file named explicitly, or one of its directories, is excluded. */
    public boolean isExcludedPathOrParent(Path absolute) {
        return excludes.coversPathOrParent(absolute);
    }

    /** Whether per-file-ignores turn this rule off for this file. */
    public boolean isIgnoredFor(Path absoluteFile, String code) {
        for (PerFileIgnore ignore : perFileIgnores) {
            if (ignore.codes().contains(code) && ignore.pattern().coversPathOrParent(absoluteFile)) {
                return true;
            }
        }
        return false;
    }
}
