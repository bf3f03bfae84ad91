package dev.pitfall.rules.reproducibility;

import dev.pitfall.ast.Call;
import dev.pitfall.ast.Name;
import dev.pitfall.lint.Dispatch;
import dev.pitfall.lint.Rule;
import dev.pitfall.lint.RuleContext;
import dev.pitfall.lint.RuleInfo;
import dev.pitfall.lint.Severity;
import dev.pitfall.rules.CalleeNames;
import dev.pitfall.rules.reproducibility.RandomCalls.RandomCall;
import java.util.ArrayList;
import java.util.List;

/** PF301: a call that draws randomness, or makes a generator, with no seed behind it. */
@RuleInfo(code = "PF301", name = "unseeded-random",
        summary = "Randomness without a seed: results change from run to run",
        severity = Severity.WARNING, tags = {"reproducibility", "numpy", "torch", "tensorflow", "sklearn"},
        precision = "high",
        explanation = """
                ## What it does
                Reports every call that draws random numbers with no seed behind it:
                - numpy's legacy global functions (`np.random.rand`, `normal`, `shuffle`...) in a \
                module whose flow never reaches `np.random.seed(n)` first;
                - `np.random.default_rng()`, `RandomState()`, `SeedSequence()` or a bit generator \
                without a seed (or with `None`), and `np.random.seed()` without an argument, which \
                reseeds from the operating system;
                - the `random` module's functions without `random.seed(n)`, and `random.Random()`;
                - torch sampling (`torch.randn`, `rand`, `randint`, `randperm`, `normal`..., \
                `random_split`) without `torch.manual_seed` and without `generator=`;
                - TensorFlow random ops without `tf.random.set_seed` and without an op `seed=`;
                - scikit-learn estimators, splitters and functions that take `random_state`, get \
                none, and really draw (not `KFold(shuffle=False)`, `train_test_split(shuffle=False)`, \
                `LogisticRegression` with a deterministic solver, `SVC` without \
                `probability=True`...), and a pandas `sample` that is kept, without `random_state`. They draw \
                from numpy's global generator, so `np.random.seed(n)` also controls them.

                Seeding is followed through the file: a seed call earlier in the function, a seed in \
                the `__main__` guard before `main()` is called, a function of the file that seeds, and \
                helpers such as lightning's `seed_everything`, `transformers.set_seed`, \
                `keras.utils.set_random_seed` or `accelerate.utils.set_seed` all count. Draws from an \
                explicitly seeded generator object (`np.random.default_rng(0)`, \
                `random.Random(1234)`, `generator=torch.Generator().manual_seed(0)`) are fine.

                ## Why it matters
                An unseeded run cannot be repeated: a different split, initialisation or sample \
                every time, so a score cannot be reproduced, two experiments cannot be compared and \
                a bug seen once may never come back.

                ## Example
                ```python
                import numpy as np
                from sklearn.model_selection import train_test_split

                noise = np.random.normal(size=100)
                X_train, X_test, y_train, y_test = train_test_split(X, y)
                ```

                ## Use instead
                ```python
                rng = np.random.default_rng(42)
                noise = rng.normal(size=100)
                X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=42)
                ```
                """)
public final class UnseededRandom implements Rule {
    private RandomCallClassifier classifier;
    /**
     * Fed the calls and names during the walk in a file that imports a random package (most
     * draws are there); made after the walk, walking the file itself, if another file needs it.
     */
    private SeedControl seeds;
    /** The random calls of the file, judged after the walk: whether they are seeded depends on all of it. */
    private final List<Draw> draws = new ArrayList<>();

    private record Draw(Call call, RandomCall random) {
    }

    @Override
    public void register(Dispatch dispatch) {
        dispatch.on(Call.class, this::visitCall);
        dispatch.on(Name.class, (name, context) -> {
            if (classifier(context).classifiedPackagesImported()) {
                seeds.visitName(name, context);
            }
        });
        dispatch.onEnd(this::finish);
    }

    private RandomCallClassifier classifier(RuleContext context) {
        if (classifier == null) {
            classifier = RandomCallClassifier.of(context);
            if (classifier.classifiedPackagesImported()) {
                seeds = new SeedControl(context.semantic(), CalleeNames.of(context));
            }
        }
        return classifier;
    }

    private void visitCall(Call call, RuleContext context) {
        if (classifier(context).classifiedPackagesImported()) {
            seeds.visitCall(call, context);
        }
        RandomCall random = classifier.classify(call, context);
        if (random != null) {
            draws.add(new Draw(call, random));
        }
    }

    private void finish(RuleContext context) {
        for (Draw draw : draws) {
            report(draw.call(), draw.random(), context);
        }
    }

    private void report(Call call, RandomCall random, RuleContext context) {
        String callee = RandomMessages.display(random.callee());
        switch (random.kind()) {
            case ENTROPY_SEEDED -> context.report(call, random.callee().endsWith(".seed")
                    ? callee + "() without a seed reseeds " + random.source().description()
                            + " from the operating system: every run differs; pass a fixed seed"
                    : callee + "() without a seed starts from operating-system entropy: every run "
                            + "differs; pass a fixed seed, e.g. " + callee + "(42)");
            case GLOBAL_DRAW -> {
                if (!seeds(context).seededBefore(call, random.source())) {
                    context.report(call, callee + "() draws from " + random.source().description()
                            + ", which is not seeded before this call; call " + random.source().seedCall()
                            + "(...) first" + RandomMessages.alternative(random));
                }
            }
            case RANDOM_STATE_UNSET -> {
                if (!seeds(context).seededBefore(call, RandomSource.NUMPY)) {
                    String why = SklearnRandomState.get().covers(random.callee())
                            ? SklearnRandomState.get().randomBecause(random.callee(), call) : "";
                    context.report(call, callee + "()" + why + " is random and gets no random_state: "
                            + "results change from run to run; pass random_state=<int>");
                }
            }
            default -> throw new IllegalStateException("unexpected kind " + random.kind());
        }
    }

    private SeedControl seeds(RuleContext context) {
        if (seeds == null) {
            seeds = new SeedControl(context.semantic(), CalleeNames.of(context));
            seeds.visitByWalk();
        }
        return seeds;
    }
}
