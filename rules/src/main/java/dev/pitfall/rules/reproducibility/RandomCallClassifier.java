package dev.pitfall.rules.reproducibility;

import dev.pitfall.ast.Call;
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
    private Call lastCall;
    private RandomCall lastAnswer;

    private RandomCallClassifier(SemanticModel model, ImportedModules imports) {
        this.model = model;
        this.classifiedPackagesImported = imports.anyOf(RandomCalls.classifiedPackages());
    }

    static RandomCallClassifier of(RuleContext context) {
        return context.shared(RandomCallClassifier.class,
                model -> new RandomCallClassifier(model, ImportedModules.of(context)));
    }

    /** What the call does to randomness, or null; see {@link RandomCalls#classify}. */
    RandomCall classify(Call call) {
        if (call != lastCall) {
            lastAnswer = RandomCalls.classify(call, model, classifiedPackagesImported);
            lastCall = call;
        }
        return lastAnswer;
    }
}
