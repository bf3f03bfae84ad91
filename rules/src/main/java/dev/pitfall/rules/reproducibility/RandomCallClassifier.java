package dev.pitfall.rules.reproducibility;

import dev.pitfall.ast.Call;
import dev.pitfall.ast.Node;
import dev.pitfall.ast.Statement;
import dev.pitfall.lint.RuleContext;
import dev.pitfall.rules.CalleeNames;
import dev.pitfall.rules.ImportedModules;
import dev.pitfall.rules.reproducibility.RandomCalls.RandomCall;
import dev.pitfall.semantic.SemanticModel;

/**
 * {@link RandomCalls#classify} for the calls of one file, shared by the rules that classify
 * every call: they are handed the same call one after the other, so the last answer is kept.
 */
final class RandomCallClassifier implements RandomCalls.Surroundings {
    private final SemanticModel model;
    private final CalleeNames callees;
    private final boolean classifiedPackagesImported;
    private final PatchedCallables patches;
    /** The context of the handler that is classifying the call being visited. */
    private RuleContext visiting;
    private Call lastCall;
    private RandomCall lastAnswer;

    private RandomCallClassifier(RuleContext context) {
        this.model = context.semantic();
        this.callees = CalleeNames.of(context);
        this.classifiedPackagesImported = ImportedModules.of(context).anyOf(RandomCalls.classifiedPackages());
        this.patches = new PatchedCallables(model);
    }

    static RandomCallClassifier of(RuleContext context) {
        return context.shared(RandomCallClassifier.class, RandomCallClassifier::new);
    }

    /**
     * False when the file imports none of {@link RandomCalls#classifiedPackages()}: then only a
     * method draw on a value of a known kind can be random, which few files have.
     */
    boolean classifiedPackagesImported() {
        return classifiedPackagesImported;
    }

    /** What the call being visited does to randomness, or null; see {@link RandomCalls#classify}. */
    RandomCall classify(Call call, RuleContext context) {
        if (call != lastCall) {
            visiting = context;
            lastAnswer = RandomCalls.classify(call, model, callees, classifiedPackagesImported, this);
            lastCall = call;
        }
        return lastAnswer;
    }

    @Override
    public boolean replacedBefore(Call call, String callee) {
        return patches.patchedBefore(call, callee, enclosingFunction(call, visiting));
    }

    @Override
    public Statement statementOf(Call call) {
        checkVisited(call, visiting);
        return visiting.statement();
    }

    /** The def around the visited call, from the linter's path to it (no parent map needed). */
    private static Node enclosingFunction(Call call, RuleContext context) {
        checkVisited(call, context);
        for (int generations = 1; ; generations++) {
            Node ancestor = context.ancestor(generations);
            if (ancestor == null || PatchedCallables.isFunction(ancestor)) {
                return ancestor;
            }
        }
    }

    private static void checkVisited(Call call, RuleContext context) {
        if (context.ancestor(0) != call) {
            throw new IllegalStateException("classify is for the call being visited");
        }
    }
}
