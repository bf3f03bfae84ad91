package dev.pitfall.config;

import dev.pitfall.lint.Linter;
import dev.pitfall.lint.RuleDescriptor;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves what users write to name rules: a code ({@code PF101}), a name
 * ({@code mutable-default-argument}), a code prefix as in Ruff ({@code PF1}, {@code PF}) or
 * {@code ALL}. Anything that names no rule is an error, never silently ignored.
 */
public final class RuleSelector {
    private RuleSelector() {
    }

    /** The codes a selector names; {@code where} says where it was written, for the error message. */
    public static Set<String> resolve(String selector, String where) throws ConfigException {
        String trimmed = selector.trim();
        Set<String> codes = new TreeSet<>();
        if (trimmed.equalsIgnoreCase("ALL")) {
            Linter.allRules().forEach(rule -> codes.add(rule.code()));
            return codes;
        }
        Optional<RuleDescriptor> exact = Linter.findRule(trimmed);
        if (exact.isPresent()) {
            codes.add(exact.get().code());
            return codes;
        }
        String prefix = trimmed.toUpperCase(Locale.ROOT);
        if (prefix.matches("[A-Z]+[0-9]*")) {
            for (RuleDescriptor rule : Linter.allRules()) {
                if (rule.code().startsWith(prefix)) {
                    codes.add(rule.code());
                }
            }
        }
        if (codes.isEmpty()) {
            throw new ConfigException(where + ": unknown rule '" + selector
                    + "' (see `pitfall rules` for codes and names)");
        }
        return codes;
    }

    /** The one rule a code or name denotes (no prefixes): severities name single rules. */
    public static RuleDescriptor single(String codeOrName, String where) throws ConfigException {
        return Linter.findRule(codeOrName.trim()).orElseThrow(() -> new ConfigException(
                where + ": unknown rule '" + codeOrName + "' (see `pitfall rules` for codes and names)"));
    }
}
