package dev.pitfall.rules;

import dev.pitfall.ast.ImportFrom;
import dev.pitfall.ast.Statement;
import dev.pitfall.lint.RuleContext;
import dev.pitfall.semantic.Binding;
import dev.pitfall.semantic.SemanticModel;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The top-level packages that qualified names in one file can start with. A qualified name
 * ({@link SemanticModel#qualifiedName}) is always an import's name, extended by attributes, or a
 * builtin, and a star import can only lend its module's names ({@code StarImports}); so a rule
 * whose tables list only names of packages the file never imports cannot match anything in it,
 * and can skip resolving callees there at all.
 */
public final class ImportedModules {
    private final Set<String> topLevel = new HashSet<>();

    private ImportedModules(RuleContext context) {
        SemanticModel model = context.semantic();
        topLevel.add("builtins");
        for (Binding binding : model.bindings()) {
            if (binding.kind() == Binding.Kind.IMPORT) {
                topLevel.add(topLevelOf(binding.importedName()));
            }
        }
        for (Statement statement : model.module().body()) {
            if (statement instanceof ImportFrom from && from.module() != null) {
                topLevel.add(topLevelOf(from.module()));
            }
        }
    }

    /** The file's imported packages, found once per file and shared by the rules. */
    public static ImportedModules of(RuleContext context) {
        return context.shared(ImportedModules.class, ImportedModules::new);
    }

    /** True when a qualified name in this file may start with one of {@code packages}. */
    public boolean anyOf(Set<String> packages) {
        for (String name : topLevel) {
            if (packages.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** The top-level packages of qualified names: {@code sklearn} for {@code sklearn.svm.SVC}. */
    public static Set<String> topLevelOf(Collection<String> qualifiedNames) {
        Set<String> packages = new HashSet<>();
        for (String name : qualifiedNames) {
            packages.add(topLevelOf(name));
        }
        return Set.copyOf(packages);
    }

    private static String topLevelOf(String qualifiedName) {
        int dot = qualifiedName.indexOf('.');
        return dot < 0 ? qualifiedName : qualifiedName.substring(0, dot);
    }
}
