package dev.pitfall.rules.reproducibility;

import dev.pitfall.ast.Attribute;
import dev.pitfall.ast.Call;
import dev.pitfall.ast.Expression;
import dev.pitfall.rules.CalleeNames;
import dev.pitfall.semantic.SemanticModel;
import dev.pitfall.semantic.StarImports;
import dev.pitfall.semantic.ValueKind;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What the library knows about random-number calls: which calls draw from a global generator,
 * which make a generator (seeded or not), which seed one, and which well-known helpers seed
 * everything. Names are qualified ({@code numpy.random.rand}), so aliases and
 * {@code from ... import} forms are recognised by the semantic model, never by text.
 */
final class RandomCalls {
    private RandomCalls() {
    }

    /** What a call does to randomness, when it does anything. */
    enum Kind {
        /** Draws from a global generator: unseeded unless that generator was seeded before. */
        GLOBAL_DRAW,
        /** Creates a generator, or reseeds the global one, from operating-system entropy. */
        ENTROPY_SEEDED,
        /**
         * A scikit-learn callable or pandas {@code sample} that draws and gets no random_state:
         * it draws from numpy's global generator.
         */
        RANDOM_STATE_UNSET
    }

    /** A call that draws or makes a generator; {@code source} is the global generator it depends on. */
    record RandomCall(Kind kind, RandomSource source, String callee, boolean legacyNumpy) {
    }

    /** numpy's legacy global-generator functions (numpy.random.*, the RandomState API). */
    static final Set<String> NUMPY_LEGACY_DRAWS = Set.of("beta", "binomial", "bytes", "chisquare",
            "choice", "dirichlet", "exponential", "f", "gamma", "geometric", "gumbel", "hypergeometric",
            "laplace", "logistic", "lognormal", "logseries", "multinomial", "multivariate_normal",
            "negative_binomial", "noncentral_chisquare", "noncentral_f", "normal", "pareto",
            "permutation", "poisson", "power", "rand", "randint", "randn", "random", "random_integers",
            "random_sample", "ranf", "rayleigh", "sample", "shuffle", "standard_cauchy",
            "standard_exponential", "standard_gamma", "standard_normal", "standard_t", "triangular",
            "uniform", "vonmises", "wald", "weibull", "zipf");

    /** The random module's functions that draw from its hidden global Random instance. */
    static final Set<String> PYTHON_DRAWS = Set.of("random", "uniform", "triangular", "randint",
            "choice", "choices", "shuffle", "sample", "randrange", "getrandbits", "randbytes",
            "betavariate", "binomialvariate", "expovariate", "gammavariate", "gauss",
            "lognormvariate", "normalvariate", "vonmisesvariate", "paretovariate", "weibullvariate");

    /** torch's sampling functions; all take generator=. */
    static final Set<String> TORCH_DRAWS = Set.of("rand", "randn", "randint", "randperm", "normal",
            "bernoulli", "multinomial", "poisson", "rand_like", "randn_like", "randint_like");

    /** In-place sampling methods of a torch tensor. */
    static final Set<String> TORCH_TENSOR_DRAWS = Set.of("uniform_", "normal_", "bernoulli_",
            "random_", "exponential_", "geometric_", "cauchy_", "log_normal_");

    /** tf.random.* ops that take an op-level seed= (the stateless_* ones require a seed). */
    static final Set<String> TF_RANDOM_DRAWS = Set.of("normal", "uniform", "truncated_normal",
            "shuffle", "categorical", "gamma", "poisson", "fixed_unigram_candidate_sampler",
            "learned_unigram_candidate_sampler", "log_uniform_candidate_sampler",
            "uniform_candidate_sampler", "all_candidate_sampler");

    /** TensorFlow 1 spellings at the top level of the tf namespace. */
    static final Set<String> TF1_DRAWS = Set.of("random_normal", "random_uniform", "truncated_normal",
            "random_shuffle", "random_crop", "random_gamma", "random_poisson", "multinomial");

    /** Generator constructors of numpy and their seed parameter (first positional). */
    static final Map<String, String> NUMPY_GENERATORS = Map.of(
            "numpy.random.default_rng", "seed",
            "numpy.random.RandomState", "seed",
            "numpy.random.SeedSequence", "entropy",
            "numpy.random.PCG64", "seed",
            "numpy.random.PCG64DXSM", "seed",
            "numpy.random.MT19937", "seed",
            "numpy.random.Philox", "seed",
            "numpy.random.SFC64", "seed");

    /** Calls that seed one global generator, and their seed parameter. */
    static final Map<String, RandomSource> SEED_CALLS = Map.ofEntries(
            Map.entry("numpy.random.seed", RandomSource.NUMPY),
            Map.entry("random.seed", RandomSource.PYTHON),
            Map.entry("torch.manual_seed", RandomSource.TORCH),
            Map.entry("torch.random.manual_seed", RandomSource.TORCH),
            Map.entry("torch.cuda.manual_seed", RandomSource.TORCH),
            Map.entry("torch.cuda.manual_seed_all", RandomSource.TORCH),
            Map.entry("tensorflow.random.set_seed", RandomSource.TENSORFLOW),
            Map.entry("tensorflow.set_random_seed", RandomSource.TENSORFLOW),
            Map.entry("tensorflow.compat.v1.set_random_seed", RandomSource.TENSORFLOW),
            Map.entry("tensorflow.compat.v1.random.set_random_seed", RandomSource.TENSORFLOW));

    /** Framework helpers that seed Python's, numpy's and the framework's generators at once. */
    static final Set<String> SEED_EVERYTHING = Set.of(
            "lightning.seed_everything", "lightning.pytorch.seed_everything",
            "lightning.fabric.seed_everything", "lightning.pytorch.utilities.seed.seed_everything",
            "lightning.fabric.utilities.seed.seed_everything", "pytorch_lightning.seed_everything",
            "pytorch_lightning.utilities.seed.seed_everything", "transformers.set_seed",
            "transformers.trainer_utils.set_seed", "accelerate.utils.set_seed",
            "accelerate.utils.random.set_seed", "keras.utils.set_random_seed",
            "tensorflow.keras.utils.set_random_seed", "tf_keras.utils.set_random_seed",
            "keras.src.utils.set_random_seed", "fastai.torch_core.set_seed", "fastai.basics.set_seed",
            "fastai.vision.all.set_seed", "fastai.tabular.all.set_seed", "fastai.text.all.set_seed",
            "mmengine.runner.set_random_seed", "mmcv.runner.set_random_seed",
            "sentence_transformers.util.set_seed", "deepspeed.runtime.utils.set_random_seed",
            "ignite.utils.manual_seed", "catalyst.utils.set_global_seed");

    /**
     * The random sources a call seeds: a seed call with a seed argument, or a known helper
     * (which seeds everything). Calls of functions of this file are judged by their bodies
     * elsewhere ({@link SeedControl}).
     */
    static Set<RandomSource> seeds(Call call, SemanticModel model, CalleeNames callees) {
        String callee = callee(call, model, callees);
        if (callee == null) {
            return seedingMethod(call) ? EnumSet.allOf(RandomSource.class) : Set.of();
        }
        RandomSource source = SEED_CALLS.get(callee);
        if (source != null) {
            Expression seed = CallArguments.argument(call, "seed", 0);
            return seed == null || CallArguments.isNone(seed, model) ? Set.of() : Set.of(source);
        }
        if (SEED_EVERYTHING.contains(callee) || looksLikeImportedSeedHelper(callee, call)) {
            return EnumSet.allOf(RandomSource.class);
        }
        return Set.of();
    }

    /**
     * A project helper imported from another module of the project ({@code from utils import
     * set_seed}): it cannot be read from here, and a function named for seeding that is given a
     * seed is trusted to seed.
     */
    private static boolean looksLikeImportedSeedHelper(String callee, Call call) {
        String last = callee.substring(callee.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        boolean external = !callee.startsWith("numpy.") && !callee.startsWith("random.")
                && !callee.startsWith("torch.") && !callee.startsWith("tensorflow.")
                && !callee.startsWith("builtins.");
        boolean givenSeed = !call.args().isEmpty() || !call.keywords().isEmpty();
        return external && givenSeed && last.contains("seed") && !last.equals("seed");
    }

    /**
     * {@code self.set_seed(cfg.seed)}, {@code trainer.seed_everything(42)}: a project's seeding
     * method, given a seed. A generator's own {@code manual_seed}/{@code seed} seeds that object
     * only, not the global generators, so those do not count.
     */
    private static boolean seedingMethod(Call call) {
        if (!(call.func() instanceof Attribute) || call.args().isEmpty() && call.keywords().isEmpty()) {
            return false;
        }
        String name = ((Attribute) call.func()).attr().toLowerCase(java.util.Locale.ROOT);
        return name.contains("seed") && !Set.of("seed", "manual_seed", "initial_seed", "get_seed",
                "reseed").contains(name);
    }

    /** What a call calls, also through a star import of numpy.random, random, torch, tf or sklearn. */
    private static String callee(Call call, SemanticModel model, CalleeNames callees) {
        String direct = callees.of(call).orElse(null);
        if (direct != null || !(call.func() instanceof dev.pitfall.ast.Name)) {
            return direct;
        }
        return StarImports.resolve(model, (dev.pitfall.ast.Name) call.func(), RandomCalls::isKnown).orElse(null);
    }

    private static boolean isKnown(String name) {
        int dot = name.lastIndexOf('.');
        String module = name.substring(0, dot);
        String last = name.substring(dot + 1);
        return module.equals("numpy.random") && (NUMPY_LEGACY_DRAWS.contains(last) || last.equals("seed")
                        || NUMPY_GENERATORS.containsKey(name))
                || module.equals("random") && (PYTHON_DRAWS.contains(last) || last.equals("seed"))
                || module.equals("torch") && (TORCH_DRAWS.contains(last) || last.equals("manual_seed"))
                || SEED_EVERYTHING.contains(name) || SklearnRandomState.get().covers(name);
    }

    /**
     * The packages whose callables {@link #classify} knows; a call of anything else draws only
     * when it is a method draw on a value of a known kind ({@link #tensorMethodDraw}).
     */
    static Set<String> classifiedPackages() {
        return CLASSIFIED_PACKAGES;
    }

    private static final Set<String> CLASSIFIED_PACKAGES = classifiedPackagesOfTables();

    private static Set<String> classifiedPackagesOfTables() {
        Set<String> packages = new java.util.HashSet<>(Set.of("numpy", "random", "torch", "tensorflow"));
        packages.addAll(SklearnRandomState.get().topLevelPackages());
        return Set.copyOf(packages);
    }

    /** What the linter's walk knows about the call being classified. */
    interface Surroundings {
        /** Whether a test has replaced the call's callee (a qualified name) before the call. */
        boolean replacedBefore(Call call, String callee);

        /** The closest statement around the call. */
        dev.pitfall.ast.Statement statementOf(Call call);
    }

    /**
     * Classifies a call that draws randomness or makes a generator; null for anything else, and
     * for a call whose callee a test has replaced before making it. {@code classifiedPackagesImported}
     * is false when the file imports none of {@link #classifiedPackages()}: then only a method draw
     * can be one, and the callee need not be resolved.
     */
    static RandomCall classify(Call call, SemanticModel model, CalleeNames callees,
            boolean classifiedPackagesImported, Surroundings surroundings) {
        if (!classifiedPackagesImported && !mayBeMethodDraw(call)) {
            return null;
        }
        String callee = callee(call, model, callees);
        if (callee == null) {
            return tensorMethodDraw(call, model, surroundings);
        }
        RandomCall random = classifyCallee(callee, call, model);
        return random != null && surroundings.replacedBefore(call, callee) ? null : random;
    }

    private static boolean mayBeMethodDraw(Call call) {
        return call.func() instanceof Attribute && (((Attribute) call.func()).attr().equals("sample")
                || TORCH_TENSOR_DRAWS.contains(((Attribute) call.func()).attr()));
    }

    private static RandomCall classifyCallee(String callee, Call call, SemanticModel model) {
        if (callee.startsWith("numpy.random.")) {
            return numpyCall(callee, call, model);
        }
        if (callee.startsWith("random.")) {
            String name = callee.substring("random.".length());
            if (PYTHON_DRAWS.contains(name)) {
                return new RandomCall(Kind.GLOBAL_DRAW, RandomSource.PYTHON, callee, false);
            }
            if (name.equals("Random") || name.equals("seed")) {
                Expression seed = CallArguments.argument(call, name.equals("seed") ? "a" : "x", 0);
                if (!CallArguments.hasUnpacking(call) && (seed == null || CallArguments.isNone(seed, model))) {
                    return new RandomCall(Kind.ENTROPY_SEEDED, RandomSource.PYTHON, callee, false);
                }
            }
            return null;
        }
        if (callee.equals("torch.utils.data.random_split")) {
            return hasGenerator(call, "generator", model) ? null
                    : new RandomCall(Kind.GLOBAL_DRAW, RandomSource.TORCH, callee, false);
        }
        if (callee.startsWith("torch.")) {
            String name = callee.substring("torch.".length());
            if (TORCH_DRAWS.contains(name) && !hasGenerator(call, "generator", model)) {
                return new RandomCall(Kind.GLOBAL_DRAW, RandomSource.TORCH, callee, false);
            }
            return null;
        }
        if (callee.startsWith("tensorflow.")) {
            return tensorflowCall(callee, call, model);
        }
        SklearnRandomState table = SklearnRandomState.get();
        if (table.covers(callee) && !CallArguments.hasUnpacking(call)) {
            Expression state = CallArguments.argument(call, "random_state", -1);
            if ((state == null || CallArguments.isNone(state, model))
                    && table.verdict(callee, call, model) == SklearnRandomState.Verdict.RANDOM) {
                return new RandomCall(Kind.RANDOM_STATE_UNSET, RandomSource.NUMPY, callee, false);
            }
        }
        return null;
    }

    private static RandomCall numpyCall(String callee, Call call, SemanticModel model) {
        String name = callee.substring("numpy.random.".length());
        if (NUMPY_LEGACY_DRAWS.contains(name)) {
            return new RandomCall(Kind.GLOBAL_DRAW, RandomSource.NUMPY, callee, true);
        }
        String seedParameter = NUMPY_GENERATORS.get(callee);
        if (name.equals("seed")) {
            seedParameter = "seed";
        }
        if (seedParameter != null && !CallArguments.hasUnpacking(call)) {
            Expression seed = CallArguments.argument(call, seedParameter, 0);
            if (seed == null || CallArguments.isNone(seed, model)) {
                return new RandomCall(Kind.ENTROPY_SEEDED, RandomSource.NUMPY, callee, false);
            }
        }
        return null;
    }

    private static RandomCall tensorflowCall(String callee, Call call, SemanticModel model) {
        String name = null;
        for (String prefix : new String[] {"tensorflow.random.", "tensorflow.compat.v1.random.",
                "tensorflow.compat.v2.random."}) {
            if (callee.startsWith(prefix) && TF_RANDOM_DRAWS.contains(callee.substring(prefix.length()))) {
                name = callee;
            }
        }
        for (String prefix : new String[] {"tensorflow.", "tensorflow.compat.v1."}) {
            if (callee.startsWith(prefix) && TF1_DRAWS.contains(callee.substring(prefix.length()))) {
                name = callee;
            }
        }
        for (String prefix : new String[] {"tensorflow.image.", "tensorflow.compat.v1.image."}) {
            // every tf.image.random_* augmentation draws from the global seed unless given seed=
            if (callee.startsWith(prefix) && callee.startsWith("random_", prefix.length())) {
                name = callee;
            }
        }
        if (callee.equals("tensorflow.random.Generator.from_non_deterministic_state")) {
            return new RandomCall(Kind.ENTROPY_SEEDED, RandomSource.TENSORFLOW, callee, false);
        }
        if (name == null) {
            return null;
        }
        Expression opSeed = CallArguments.argument(call, "seed", -1);
        if (opSeed != null && !CallArguments.isNone(opSeed, model) || CallArguments.hasUnpacking(call)) {
            return null;
        }
        return new RandomCall(Kind.GLOBAL_DRAW, RandomSource.TENSORFLOW, callee, false);
    }

    /**
     * {@code weights.normal_()} on a value known to be a torch tensor; {@code df.sample(...)} on a
     * value known to be a DataFrame or Series, when the sample is kept (not a bare display).
     */
    private static RandomCall tensorMethodDraw(Call call, SemanticModel model, Surroundings surroundings) {
        if (!(call.func() instanceof Attribute)) {
            return null;
        }
        Attribute method = (Attribute) call.func();
        if (method.attr().equals("sample") && !CallArguments.hasUnpacking(call)
                && !(surroundings.statementOf(call) instanceof dev.pitfall.ast.Expr)) {
            // A bare df.sample(5) only shows a few rows; a sample that is kept shapes results.
            ValueKind receiver = model.kindOf(method.value());
            Expression state = CallArguments.argument(call, "random_state", 5);
            if (receiver.isPandasData() && (state == null || CallArguments.isNone(state, model))) {
                String owner = receiver.isDataFrame() ? "DataFrame" : "Series";
                return new RandomCall(Kind.RANDOM_STATE_UNSET, RandomSource.NUMPY, owner + ".sample", false);
            }
            return null;
        }
        if (!TORCH_TENSOR_DRAWS.contains(method.attr()) || hasGenerator(call, "generator", model)) {
            return null;
        }
        ValueKind receiver = model.kindOf(method.value());
        return receiver.is(ValueKind.TENSOR)
                ? new RandomCall(Kind.GLOBAL_DRAW, RandomSource.TORCH, "Tensor." + method.attr(), false)
                : null;
    }

    private static boolean hasGenerator(Call call, String keyword, SemanticModel model) {
        Expression generator = CallArguments.argument(call, keyword, -1);
        return generator != null && !CallArguments.isNone(generator, model) || CallArguments.hasUnpacking(call);
    }
}
