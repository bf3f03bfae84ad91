package dev.pitfall.semantic;

import dev.pitfall.ast.Attribute;
import dev.pitfall.ast.Call;
import dev.pitfall.ast.Expression;
import dev.pitfall.ast.Keyword;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which operands of a call its result derives from. The default says: all of them (the
 * receiver of a method, every positional and keyword argument), except keyword arguments that
 * are plainly options ({@code axis=}, {@code random_state=}…). A rule family that knows better
 * (for example that {@code len(x)} carries no data of {@code x}) wraps the default:
 *
 * <pre>{@code
 * DerivationPolicy mine = (call, model) -> model.isCallTo(call, "builtins.len")
 *         ? List.of() : DerivationPolicy.DEFAULT.inputs(call, model);
 * model.dataFlow(mine)   // keep the policy in a static final field: flows are cached per instance
 * }</pre>
 *
 * Calls of functions defined in the same file are not asked here: their one-level summaries
 * decide (see {@link DataFlow#summary}).
 */
@FunctionalInterface
public interface DerivationPolicy {
    /** The operands of {@code call} whose data the result carries. */
    List<Expression> inputs(Call call, SemanticModel model);

    /** Keyword arguments that configure a call rather than pass it data. */
    List<String> OPTION_KEYWORDS = List.of("axis", "random_state", "test_size", "train_size",
            "shuffle", "inplace", "n_jobs", "verbose", "seed", "dtype", "copy", "how", "on",
            "ascending", "errors", "n_splits", "cv", "scoring");

    DerivationPolicy DEFAULT = (call, model) -> {
        List<Expression> inputs = new ArrayList<>();
        if (call.func() instanceof Attribute && model.qualifiedName(call.func()).isEmpty()) {
            inputs.add(((Attribute) call.func()).value());
        }
        inputs.addAll(call.args());
        for (Keyword keyword : call.keywords()) {
            if (keyword.arg() == null || !OPTION_KEYWORDS.contains(keyword.arg())) {
                inputs.add(keyword.value());
            }
        }
        return inputs;
    };
}
