package dev.pitfall.semantic;

import dev.pitfall.ast.Name;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Names that only a {@code from module import *} can have bound: {@link SemanticModel#qualifiedName}
 * cannot know what a module exports, so it leaves them unresolved. A rule that knows a library's
 * names can still recognise them: with {@code from sklearn.model_selection import *},
 * {@code train_test_split} may be {@code sklearn.model_selection.train_test_split}, and the rule
 * accepts that reading when its own tables list the name.
 */
public final class StarImports {
    private StarImports() {
    }

    /**
     * The qualified name an unresolved name has through a module-level star import, if exactly
     * one star-imported module gives a name that {@code known} accepts; empty otherwise.
     */
    public static Optional<String> resolve(SemanticModel model, Name name, Predicate<String> known) {
        // Rules ask for every call of a name they cannot resolve; most files star-import nothing.
        List<String> modules = model.starImportedModules();
        if (modules.isEmpty() || model.symbolOf(name) != null || model.qualifiedName(name).isPresent()) {
            return Optional.empty();
        }
        List<String> candidates = new ArrayList<>();
        for (String module : modules) {
            String candidate = module + "." + name.id();
            if (known.test(candidate)) {
                candidates.add(candidate);
            }
        }
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }
}
