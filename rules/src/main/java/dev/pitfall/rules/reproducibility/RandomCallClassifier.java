package dev.pitfall.rules.reproducibility;

import dev.pitfall.ast.Call;
import dev.pitfall.ast.Node;
import dev.pitfall.lint.RuleContext;
import dev.pitfall.rules.ImportedModules;
import dev.pitfall.rules.reproducibility.RandomCalls.RandomCall;
import dev.pitfall.semantic.SemanticModel;

/**
 * {@link RandomCalls#classify} for the calls of one file, shared by the rules that classify
 * every call: they are handed the same call one after the other, so the last answer is kept.
 */
final class RandomCallClassifier {
    private final SemanticModel model;
    private final boolean classifiedPackagesImported;
    private final PatchedCallables patches;
    private Call lastCall;
    private RandomCall lastAnswer;

    private RandomCallClassifier(SemanticModel model, ImportedModules imports) {
        this.model = model;
        this.classifiedPackagesImported = imports.anyOf(RandomCalls.classifiedPackages());
        this.patches = new PatchedCallables(model);
    }

    static RandomCallClassifier of(RuleContext context) {
        return context.shared(RandomCallClassifier.class,
                model -> new RandomCallClassifier(model, ImportedModules.of(context)));
    }

    /** What the call being visited does to randomness, or null; see {@link RandomCalls#classify}. */
    RandomCall classify(Call call, RuleContext context) {
        if (call != lastCall) {
            lastAnswer = RandomCalls.classify(call, model, classifiedPackagesImported,
                    callee -> patches.patchedBefore(call, callee, enclosingFunction(call, context)));
            lastCall = call;
        }
        return lastAnswer;
    }

    /** The def around the visited call, from the linter's path to it (no parent map needed). */
    private static Node enclosingFunction(Call call, RuleContext context) {
        if (context.ancestor(0) != call) {
            throw new IllegalStateException("classify is for the call being visited");
        }
        for (int generations = 1; ; generations++) {
            Node ancestor = context.ancestor(generations);
            if (ancestor == null || PatchedCallables.isFunction(ancestor)) {
                return ancestor;
            }
        }
    }
}
