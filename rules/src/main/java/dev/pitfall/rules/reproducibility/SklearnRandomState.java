package dev.pitfall.rules.reproducibility;

import dev.pitfall.ast.Call;
import dev.pitfall.ast.Constant;
import dev.pitfall.ast.Expression;
import dev.pitfall.rules.ImportedModules;
import dev.pitfall.semantic.DataTable;
import dev.pitfall.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scikit-learn callables that take {@code random_state}, and when they actually draw, from
 * {@code sklearn-random-state.tsv} (its header says how the list was built and its format).
 */
final class SklearnRandomState {
    private static final String RESOURCE = "sklearn-random-state.tsv";
    private static final SklearnRandomState INSTANCE = load();

    /** One clause: keyword {@code keyword} given as one of {@code values} makes the call random or fixed. */
    private record Clause(boolean random, String keyword, Set<String> values) {
        boolean matches(String literal) {
            return values.contains("*") ? !"None".equals(literal) : values.contains(literal);
        }
    }

    /** Whether a call draws: yes, no, or cannot tell (a condition keyword is not a literal). */
    enum Verdict { RANDOM, DETERMINISTIC, UNDECIDED }

    private final Map<String, List<Clause>> conditions = new HashMap<>();
    private Set<String> topLevelPackages;

    static SklearnRandomState get() {
        return INSTANCE;
    }

    private static SklearnRandomState load() {
        SklearnRandomState table = new SklearnRandomState();
        DataTable.read(SklearnRandomState.class, RESOURCE, (line, number) -> {
            String[] fields = line.split("\t");
            if (fields.length != 2) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": expected 2 tab-separated fields");
            }
            table.conditions.put(fields[0].strip(), parseCondition(fields[1].strip(), number));
        });
        table.topLevelPackages = ImportedModules.topLevelOf(table.conditions.keySet());
        return table;
    }

    private static List<Clause> parseCondition(String text, int line) {
        List<Clause> clauses = new ArrayList<>();
        if (text.equals("always")) {
            return clauses;
        }
        for (String part : text.split(" ; ")) {
            String[] words = part.strip().split(" ", 2);
            int equals = words.length == 2 ? words[1].indexOf('=') : -1;
            if (equals < 0 || !(words[0].equals("random-if") || words[0].equals("fixed-if"))) {
                throw new IllegalStateException(RESOURCE + " line " + line + ": bad condition \"" + part + "\"");
            }
            clauses.add(new Clause(words[0].equals("random-if"), words[1].substring(0, equals),
                    Set.of(words[1].substring(equals + 1).split("\\|"))));
        }
        return clauses;
    }

    /** The packages of the listed callables. */
    Set<String> topLevelPackages() {
        return topLevelPackages;
    }

    /** True when the table lists the callable. */
    boolean covers(String qualifiedName) {
        return conditions.containsKey(qualifiedName);
    }

    /** The random-if clause that makes a call random, as " with solver='saga'"; empty when it always draws. */
    String randomBecause(String qualifiedName, Call call) {
        for (Clause clause : conditions.get(qualifiedName)) {
            Expression value = CallArguments.argument(call, clause.keyword(), -1);
            String literal = value == null ? null : CallArguments.literal(value);
            if (clause.random() && literal != null && clause.matches(literal)) {
                boolean text = value instanceof Constant
                        && ((Constant) value).value() instanceof String;
                return " with " + clause.keyword() + "=" + (text ? "'" + literal + "'" : literal);
            }
        }
        return "";
    }

    /** Whether a call of a listed callable draws, judged from its literal keyword arguments. */
    Verdict verdict(String qualifiedName, Call call, SemanticModel model) {
        List<Clause> clauses = conditions.get(qualifiedName);
        boolean anyRandomClause = false;
        boolean randomMatched = false;
        boolean undecided = false;
        for (Clause clause : clauses) {
            anyRandomClause |= clause.random();
            Expression value = CallArguments.argument(call, clause.keyword(), -1);
            if (value == null) {
                continue;
            }
            String literal = CallArguments.literal(value);
            if (literal == null) {
                undecided = true;
                continue;
            }
            if (clause.matches(literal)) {
                if (!clause.random()) {
                    return Verdict.DETERMINISTIC;
                }
                randomMatched = true;
            }
        }
        if (undecided) {
            return Verdict.UNDECIDED;
        }
        return !anyRandomClause || randomMatched ? Verdict.RANDOM : Verdict.DETERMINISTIC;
    }
}
