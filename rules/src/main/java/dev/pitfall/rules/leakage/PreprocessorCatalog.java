package dev.pitfall.rules.leakage;

import dev.pitfall.ast.Call;
import dev.pitfall.ast.Constant;
import dev.pitfall.ast.Expression;
import dev.pitfall.ast.Keyword;
import dev.pitfall.ast.PyConstant;
import dev.pitfall.rules.ImportedModules;
import dev.pitfall.semantic.DataTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The data-dependent preprocessors of {@code preprocessors.tsv} (its header gives the format). */
final class PreprocessorCatalog {
    private static final String RESOURCE = "preprocessors.tsv";
    private static final PreprocessorCatalog INSTANCE = load();

    enum Category {
        SCALER("scaler"), IMPUTER("imputer"), ENCODER("encoder"), LABEL_ENCODER("label-encoder"),
        SELECTOR("selector"), DECOMPOSITION("decomposition"), VECTORIZER("vectorizer"),
        OVERSAMPLER("oversampler"), TARGET_ENCODER("target-encoder"), COMPOSITE("composite"),
        FUNCTION("function");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        static Category parse(String text, int line) {
            for (Category category : values()) {
                if (category.label.equals(text)) {
                    return category;
                }
            }
            throw new IllegalStateException(RESOURCE + " line " + line + ": unknown category " + text);
        }
    }

    /** A listed preprocessor; it learns nothing when keyword {@code statelessKeyword} is one of {@code statelessValues}. */
    record Entry(String name, Category category, String statelessKeyword, Set<String> statelessValues) {
        /** True when this construction learns nothing from the rows it is fitted on. */
        boolean isStateless(Call constructor) {
            if (statelessKeyword == null || constructor == null) {
                return false;
            }
            for (Keyword keyword : constructor.keywords()) {
                if (statelessKeyword.equals(keyword.arg())) {
                    Expression value = keyword.value();
                    boolean isNone = value instanceof Constant && ((Constant) value).value() == PyConstant.NONE;
                    if (statelessValues.contains("*")) {
                        return !isNone;
                    }
                    return value instanceof Constant && statelessValues.contains(String.valueOf(((Constant) value).value()));
                }
            }
            return false;
        }
    }

    private final Map<String, Entry> entries = new HashMap<>();
    private Set<String> topLevelPackages;

    static PreprocessorCatalog get() {
        return INSTANCE;
    }

    Entry find(String qualifiedName) {
        return entries.get(qualifiedName);
    }

    /** The packages the listed names belong to: a file importing none of them fits nothing listed. */
    Set<String> topLevelPackages() {
        return topLevelPackages;
    }

    private static PreprocessorCatalog load() {
        PreprocessorCatalog catalog = new PreprocessorCatalog();
        DataTable.read(PreprocessorCatalog.class, RESOURCE, (line, number) -> {
            String[] fields = line.split("\t");
            if (fields.length != 3) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": expected 3 tab-separated fields");
            }
            String keyword = null;
            Set<String> values = Set.of();
            if (!fields[2].equals("-")) {
                String condition = fields[2].strip();
                int equals = condition.indexOf('=');
                if (!condition.startsWith("stateless-if ") || equals < 0) {
                    throw new IllegalStateException(RESOURCE + " line " + number + ": bad condition " + condition);
                }
                keyword = condition.substring("stateless-if ".length(), equals);
                values = Set.copyOf(List.of(condition.substring(equals + 1).split("\\|")));
            }
            catalog.entries.put(fields[0], new Entry(fields[0], Category.parse(fields[1], number), keyword, values));
        });
        catalog.topLevelPackages = ImportedModules.topLevelOf(catalog.entries.keySet());
        return catalog;
    }
}
