package dev.pitfall.rules.reproducibility;

import dev.pitfall.ast.Assign;
import dev.pitfall.ast.Call;
import dev.pitfall.ast.Constant;
import dev.pitfall.ast.Expression;
import dev.pitfall.ast.Keyword;
import dev.pitfall.ast.Name;
import dev.pitfall.ast.Nodes;
import dev.pitfall.ast.PyConstant;
import dev.pitfall.ast.UnaryOp;
import dev.pitfall.semantic.Binding;
import dev.pitfall.semantic.SemanticModel;
import java.math.BigInteger;
import java.util.Set;

/** Reading the arguments of a call: by keyword or position, as literals when they are literals. */
final class CallArguments {
    private CallArguments() {
    }

    /** The argument passed as {@code keyword}, or at {@code position} (-1: keyword only); null when absent. */
    static Expression argument(Call call, String keyword, int position) {
        for (Keyword k : call.keywords()) {
            if (keyword.equals(k.arg())) {
                return k.value();
            }
        }
        if (position >= 0 && position < call.args().size()) {
            return Nodes.hasStarred(call.args().subList(0, position + 1)) ? null : call.args().get(position);
        }
        return null;
    }

    /** True when the call passes {@code *args} or {@code **kwargs}: what it passes is then unknown. */
    static boolean hasUnpacking(Call call) {
        if (Nodes.hasStarred(call.args())) {
            return true;
        }
        for (Keyword k : call.keywords()) {
            if (k.arg() == null) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the value is certainly None: the literal, or a name whose every reaching
     * definition assigns the literal None.
     */
    static boolean isNone(Expression value, SemanticModel model) {
        if (value instanceof Constant) {
            return ((Constant) value).value() == PyConstant.NONE;
        }
        if (value instanceof Name) {
            Set<Binding> definitions = model.reachingDefinitions((Name) value);
            if (definitions.isEmpty()) {
                return false;
            }
            for (Binding binding : definitions) {
                if (binding.kind() != Binding.Kind.ASSIGNMENT || !binding.unpackPath().isEmpty()
                        || !(binding.owner() instanceof Assign)
                        || !(binding.value() instanceof Constant)
                        || ((Constant) binding.value()).value() != PyConstant.NONE) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * The literal an argument spells, as it would be written in the random-state table: strings
     * bare, {@code True}, {@code False}, {@code None}, integers and floats; null for anything else.
     */
    static String literal(Expression value) {
        if (value instanceof UnaryOp && ((UnaryOp) value).operand() instanceof Constant) {
            String inner = literal(((UnaryOp) value).operand());
            return inner == null ? null : "-" + inner;
        }
        if (!(value instanceof Constant)) {
            return null;
        }
        Object constant = ((Constant) value).value();
        if (constant instanceof Boolean) {
            return (Boolean) constant ? "True" : "False";
        }
        if (constant == PyConstant.NONE) {
            return "None";
        }
        if (constant instanceof String || constant instanceof BigInteger || constant instanceof Double) {
            return constant.toString();
        }
        return null;
    }
}
