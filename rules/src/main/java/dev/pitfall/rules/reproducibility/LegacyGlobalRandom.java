package dev.pitfall.rules.reproducibility;

import dev.pitfall.ast.Call;
import dev.pitfall.lint.Dispatch;
import dev.pitfall.lint.Rule;
import dev.pitfall.lint.RuleContext;
import dev.pitfall.lint.RuleInfo;
import dev.pitfall.lint.Severity;
import dev.pitfall.rules.reproducibility.RandomCalls.RandomCall;

/**
 * PF302: every draw from numpy's legacy global generator, seeded or not, as Ruff's NPY002 does.
 * An unseeded draw also gets PF301's warning: the two rules name different problems (hidden shared
 * state here, irreproducible results there), and each can be selected or ignored on its own.
 */
@RuleInfo(code = "PF302", name = "legacy-global-random",
        summary = "Draw from numpy's legacy global generator",
        severity = Severity.NOTE, tags = {"reproducibility", "numpy"}, precision = "very-high",
        explanation = """
                ## What it does
                Notes each draw from numpy's legacy global generator (`np.random.rand`, `normal`, \
                `choice`, `shuffle`...), even in code that seeds it (`np.random.seed(0)`). The seed \
                call itself is not reported. A draw that is not seeded at all is also reported by \
                PF301 unseeded-random, the graver problem.

                ## Why it matters
                The global generator is hidden shared state: any library you call can draw from it \
                or reseed it, so the numbers your code gets depend on what else ran before. numpy \
                recommends explicit `Generator` objects, which are also faster and statistically \
                better.

                ## Example
                ```python
                np.random.seed(0)
                noise = np.random.normal(size=5)
                ```

                ## Use instead
                ```python
                rng = np.random.default_rng(0)
                noise = rng.normal(size=5)
                ```
                """)
public final class LegacyGlobalRandom implements Rule {
    /** Legacy names whose Generator method is spelled differently. */
    private static final java.util.Map<String, String> GENERATOR_METHODS = java.util.Map.of(
            "rand", "random", "random_sample", "random", "ranf", "random", "sample", "random",
            "randn", "standard_normal", "randint", "integers", "random_integers", "integers");

    private RandomCallClassifier classifier;

    @Override
    public void register(Dispatch dispatch) {
        dispatch.on(Call.class, this::visitCall);
    }

    private void visitCall(Call call, RuleContext context) {
        if (classifier == null) {
            classifier = RandomCallClassifier.of(context);
        }
        RandomCall random = classifier.classify(call, context);
        if (random == null || !random.legacyNumpy()) {
            return;
        }
        String callee = RandomMessages.display(random.callee());
        String name = random.callee().substring(random.callee().lastIndexOf('.') + 1);
        context.report(call, callee + "() draws from numpy's hidden global generator, which any "
                + "library can reseed; use rng = np.random.default_rng(seed) and rng."
                + GENERATOR_METHODS.getOrDefault(name, name) + "(...)");
    }
}
