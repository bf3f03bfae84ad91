package dev.pitfall.rules;

import dev.pitfall.ast.Call;
import dev.pitfall.lint.RuleContext;
import dev.pitfall.semantic.IdentityTable;
import dev.pitfall.semantic.SemanticModel;
import java.util.Optional;

/**
 * What the calls of one file call ({@link SemanticModel#calleeName}), resolved once per call for
 * all rules: several rules ask about every call, and resolving builds the dotted name anew.
 */
public final class CalleeNames {
    private final SemanticModel model;
    private final IdentityTable<Call, Optional<String>> names;

    private CalleeNames(RuleContext context) {
        this.model = context.semantic();
        this.names = new IdentityTable<>(model.source().text().length() / 64);
    }

    /** The file's callee names, shared by the rules. */
    public static CalleeNames of(RuleContext context) {
        return context.shared(CalleeNames.class, CalleeNames::new);
    }

    /** As {@link SemanticModel#calleeName}. */
    public Optional<String> of(Call call) {
        Optional<String> known = names.get(call);
        if (known == null) {
            known = model.calleeName(call);
            names.put(call, known);
        }
        return known;
    }
}
