package dev.pitfall.rules.leakage;

import static dev.pitfall.semantic.SourceOrder.startsBefore;

import dev.pitfall.ast.AnnAssign;
import dev.pitfall.ast.Arg;
import dev.pitfall.ast.Assign;
import dev.pitfall.ast.Attribute;
import dev.pitfall.ast.AugAssign;
import dev.pitfall.ast.BinOp;
import dev.pitfall.ast.Call;
import dev.pitfall.ast.Constant;
import dev.pitfall.ast.ExprContext;
import dev.pitfall.ast.Expression;
import dev.pitfall.ast.For;
import dev.pitfall.ast.IfExp;
import dev.pitfall.ast.Keyword;
import dev.pitfall.ast.Lambda;
import dev.pitfall.ast.Located;
import dev.pitfall.ast.Name;
import dev.pitfall.ast.Node;
import dev.pitfall.ast.NodeStack;
import dev.pitfall.ast.Nodes;
import dev.pitfall.ast.OperatorKind;
import dev.pitfall.ast.Starred;
import dev.pitfall.ast.Statement;
import dev.pitfall.ast.Subscript;
import dev.pitfall.ast.Tuple;
import dev.pitfall.ast.UnaryOp;
import dev.pitfall.rules.CalleeNames;
import dev.pitfall.rules.ImportedModules;
import dev.pitfall.rules.leakage.PreprocessorCatalog.Category;
import dev.pitfall.rules.leakage.PreprocessorCatalog.Entry;
import dev.pitfall.semantic.Binding;
import dev.pitfall.semantic.DataFlow;
import dev.pitfall.semantic.IdentityTable;
import dev.pitfall.semantic.RowLineage;
import dev.pitfall.semantic.Scope;
import dev.pitfall.semantic.SemanticModel;
import dev.pitfall.semantic.ValueKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds, in one file, the fits of data-dependent preprocessors (and pandas statistics applied to
 * a frame), the points where data is split or cross-validated, and the fits that leak: a fit
 * whose output or fitted state reaches data that shares rows with it and is split afterwards,
 * and a fit on data that contains test rows.
 */
final class LeakageAnalysis {
    /** Methods that fit a preprocessor on their first argument. */
    private static final Set<String> FIT_METHODS = Set.of("fit", "fit_transform", "fit_resample",
            "partial_fit", "fit_on_texts", "fit_on_sequences", "adapt");
    /** Methods that apply a value to a pandas frame or column. */
    private static final Set<String> APPLY_METHODS = Set.of("fillna", "map", "replace", "clip",
            "where", "mask");
    /** pandas reductions: statistics of all the rows they are computed on. */
    private static final Set<String> REDUCTIONS = Set.of("mean", "median", "mode", "std", "var",
            "quantile", "min", "max", "sum", "value_counts", "nunique");
    private static final Set<String> NUMPY_REDUCTIONS = Set.of("numpy.mean", "numpy.median",
            "numpy.nanmean", "numpy.nanmedian", "numpy.std", "numpy.nanstd", "numpy.var",
            "numpy.percentile", "numpy.nanpercentile", "numpy.quantile", "numpy.min", "numpy.max");
    private static final Set<String> TRAIN_TEST_SPLITS = Set.of(
            "sklearn.model_selection.train_test_split", "sklearn.cross_validation.train_test_split");
    private static final Set<String> CV_FUNCTIONS = Set.of("cross_val_score", "cross_validate",
            "cross_val_predict", "learning_curve", "validation_curve", "permutation_test_score");
    private static final Set<String> SEARCHES = Set.of("GridSearchCV", "RandomizedSearchCV",
            "HalvingGridSearchCV", "HalvingRandomSearchCV");
    private static final Set<String> TEST_WORDS = Set.of("test", "tests", "testing", "tst", "valid",
            "validation", "holdout", "heldout", "eval");
    private static final Set<String> TARGET_WORDS = Set.of("y", "target", "targets", "label",
            "labels", "class", "classes", "outcome");
    /** Methods that compute a statistic named by their first argument: {@code transform("mean")}. */
    private static final Set<String> NAMED_REDUCTION_METHODS = Set.of("transform", "agg", "aggregate");
    /** Methods that make windows of a few rows, whose reductions are not statistics of all rows. */
    private static final Set<String> WINDOW_METHODS = Set.of("rolling", "expanding", "ewm", "resample", "shift");
    /** Group methods that call a function with each group. */
    private static final Set<String> GROUP_LAMBDA_METHODS = Set.of("transform", "agg", "aggregate", "apply");
    private static final Set<String> ROW_INDEXERS = Set.of("iloc", "loc");
    /** Indexers that a write selects rows (or single cells) through: {@code df.loc[mask, "age"] = v}. */
    private static final Set<String> ROW_WRITING_INDEXERS = Set.of("iloc", "loc", "at", "iat");
    /** How many names a statistic is followed through: {@code q3 = ...; iqr = q3 - q1; up = q3 + 1.5 * iqr}. */
    private static final int MAX_STATISTIC_HOPS = 4;
    private static final Set<String> TRANSFORMING_METHODS = Set.of("transform", "fit_resample");
    private static final Set<String> PASS_THROUGH_ATTRIBUTES = Set.of("values", "ravel", "to_numpy", "astype");
    private static final Set<String> REFITTING_METHODS = Set.of("fit", "set_params", "set_output", "partial_fit");
    private static final Set<String> NUMPY = ImportedModules.topLevelOf(NUMPY_REDUCTIONS);

    /**
     * Where data is split: the call, how it is called, the data it splits. A split inside a
     * helper of this file is also seen from each call of the helper: {@code position} is then
     * that call, which orders it against fits, and {@code inputs} the arguments passed.
     */
    record Split(Expression call, String name, boolean crossValidation, List<Expression> inputs, Node owner,
            Located position) {
        Split(Expression call, String name, boolean crossValidation, List<Expression> inputs, Node owner) {
            this(call, name, crossValidation, inputs, owner, call);
        }
    }

    /**
     * A fit of a data-dependent preprocessor, or a pandas statistic applied to a frame.
     * {@code at} is reported; {@code position} orders it against splits (the call site for a
     * fit inside a helper, {@code via}); {@code carriers} are the bindings that hold its output
     * or fitted state afterwards. A fit in a helper on data joined from several parameters is
     * judged at each call once per argument, and {@code data} is then one part of what it saw
     * ({@code dataIsOnePart}).
     */
    record Fit(Located at, String what, Expression data, Category category, boolean supervised,
            Set<Binding> carriers, Located position, Node owner, Call via, String viaName,
            boolean pandasStatistic, Located statistic, boolean dataIsOnePart) {
        Fit(Located at, String what, Expression data, Category category, boolean supervised,
                Set<Binding> carriers, Located position, Node owner, Call via, String viaName,
                boolean pandasStatistic, Located statistic) {
            this(at, what, data, category, supervised, carriers, position, owner, via, viaName, pandasStatistic,
                    statistic, false);
        }
    }

    /** A leak found: where to report, its severity class and the story's other places. */
    record Leak(Fit fit, boolean fitOnTest, Split split, Located testSource, String testName, Expression splitInput,
            boolean insideSplitLoop) {
        Leak(Fit fit, boolean fitOnTest, Split split, Located testSource, String testName, Expression splitInput) {
            this(fit, fitOnTest, split, testSource, testName, splitInput, false);
        }
    }

    /**
     * The nodes of the file the analysis starts from, in document order: every call, assignment
     * and binary operation, and the statement around each call and binary operation. The rule
     * gathers them during the linter's walk of the tree, whose path knows the statements: so the
     * analysis needs no parent map of the whole file for them.
     */
    record FileNodes(List<Call> calls, List<Statement> callStatements, List<Assign> assignments,
            List<BinOp> arithmetic, List<Statement> arithmeticStatements) {
        FileNodes() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    private final SemanticModel model;
    private final CalleeNames callees;
    private final RowLineage rows;
    private final PreprocessorCatalog catalog = PreprocessorCatalog.get();
    /** False when the file imports none of the catalog's packages: no callee can be listed. */
    private final boolean catalogImported;
    /** False when the file does not import numpy: no callee can be a numpy reduction. */
    private final boolean numpyImported;
    private final List<Fit> fits = new ArrayList<>();
    private final List<Split> splits = new ArrayList<>();
    private final Map<Binding, Split> testParts = new IdentityHashMap<>();
    private final Map<Binding, Split> trainParts = new IdentityHashMap<>();
    private final List<Call> calls;
    private final List<Statement> callStatements;
    private final List<Assign> assignments;
    private final List<BinOp> arithmetic;
    private final List<Statement> arithmeticStatements;
    /** Assignments into a subscript or attribute: writes into an existing frame or array. */
    private final List<Assign> writes = new ArrayList<>();
    /** The function that runs each write (as {@link #executingFunction} says), by index in writes. */
    private final List<Node> writeOwners = new ArrayList<>();
    private final Map<Expression, Set<Binding>> derivationsOfValues = new IdentityHashMap<>();
    private final Map<Binding, Set<Binding>> derivationsOfBindings = new IdentityHashMap<>();
    private Map<Node, List<Call>> callsByFunction;
    /**
     * The statement around each call and binary operation of the file (from the linter's walk,
     * see {@link FileNodes}) and around each row slice of a split; made on first need, in files
     * with a fit. With it the analysis needs no parent map of the whole file.
     */
    private IdentityTable<Node, Statement> statementsByNode;

    LeakageAnalysis(SemanticModel model, ImportedModules imports, CalleeNames callees, FileNodes nodes) {
        this.model = model;
        this.callees = callees;
        this.rows = model.rowLineage();
        this.catalogImported = imports.anyOf(catalog.topLevelPackages());
        this.numpyImported = imports.anyOf(NUMPY);
        this.calls = nodes.calls();
        this.callStatements = nodes.callStatements();
        this.assignments = nodes.assignments();
        this.arithmetic = nodes.arithmetic();
        this.arithmeticStatements = nodes.arithmeticStatements();
    }

    List<Leak> run() {
        // Fits first: without one nothing can leak, and most files (and most of a library) fit
        // nothing, so their splits need not be looked for.
        Set<Statement> statisticStatements = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < calls.size(); i++) {
            Call call = calls.get(i);
            Fit fit = preprocessorFit(call);
            if (fit == null) {
                fit = statisticApplied(call, call, callStatements.get(i), statisticStatements);
            }
            if (fit == null) {
                fit = groupStatisticAssigned(call, callStatements.get(i), statisticStatements);
            }
            if (fit == null) {
                fit = columnStatisticsApplied(call, callStatements.get(i), statisticStatements);
            }
            if (fit != null) {
                fits.add(fit);
                fits.addAll(lifted(fit));
            }
        }
        for (int i = 0; i < arithmetic.size(); i++) {
            BinOp binOp = arithmetic.get(i);
            if (isArithmetic(binOp.op())) {
                Fit fit = statisticApplied(binOp, null, arithmeticStatements.get(i), statisticStatements);
                if (fit != null) {
                    fits.add(fit);
                    fits.addAll(lifted(fit));
                }
            }
        }
        for (Assign assignment : assignments) {
            Fit fit = statisticWritten(assignment, statisticStatements);
            if (fit != null) {
                fits.add(fit);
                fits.addAll(lifted(fit));
            }
        }
        if (fits.isEmpty()) {
            return List.of();
        }
        for (Assign assignment : assignments) {
            for (Expression target : assignment.targets()) {
                if (target instanceof Subscript || target instanceof Attribute) {
                    writes.add(assignment);
                    writeOwners.add(executingFunction(assignment));
                    break;
                }
            }
        }
        for (Call call : calls) {
            Split split = split(call);
            if (split != null) {
                splits.add(split);
            }
        }
        recordTestParts();
        splits.addAll(slicedSplits());
        for (Split split : List.copyOf(splits)) {
            splits.addAll(liftedSplits(split));
        }
        splits.sort((a, b) -> startsBefore(a.position(), b.position()) ? -1 : startsBefore(b.position(), a.position()) ? 1 : 0);
        List<Leak> leaks = new ArrayList<>();
        Set<Located> reported = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Fit fit : fits) {
            if (reported.contains(fit.at())) {
                continue;
            }
            Leak leak = fitOnTest(fit);
            if (leak == null) {
                leak = fitBeforeSplit(fit);
            }
            if (leak != null) {
                reported.add(fit.at());
                leaks.add(leak);
            }
        }
        return leaks;
    }

    // ---- splits

    private Split split(Call call) {
        String callee = callee(call).orElse(null);
        if (callee != null) {
            if (TRAIN_TEST_SPLITS.contains(callee)) {
                return new Split(call, "train_test_split", false, positional(call), executingFunction(call));
            }
            String last = callee.substring(callee.lastIndexOf('.') + 1);
            if (callee.startsWith("sklearn.") && CV_FUNCTIONS.contains(last)) {
                List<Expression> inputs = new ArrayList<>();
                List<Expression> positional = positional(call);
                inputs.addAll(positional.subList(Math.min(1, positional.size()), positional.size()));
                for (Keyword keyword : call.keywords()) {
                    if ("X".equals(keyword.arg()) || "y".equals(keyword.arg())) {
                        inputs.add(keyword.value());
                    }
                }
                return new Split(call, last, true, inputs, executingFunction(call));
            }
            return null;
        }
        if (!(call.func() instanceof Attribute)) {
            return null;
        }
        Attribute method = (Attribute) call.func();
        if (!method.attr().equals("split") && !method.attr().equals("fit")) {
            // the only splitting methods: known before the receiver's class is looked for
            return null;
        }
        String receiverClass = constructedClass(method.value());
        if (receiverClass == null || !receiverClass.startsWith("sklearn.model_selection.")) {
            return null;
        }
        String simple = receiverClass.substring(receiverClass.lastIndexOf('.') + 1);
        if (method.attr().equals("split")) {
            return new Split(call, simple + ".split", true, positional(call), executingFunction(call));
        }
        if (method.attr().equals("fit") && SEARCHES.contains(simple)) {
            return new Split(call, simple + ".fit", true, positional(call), executingFunction(call));
        }
        return null;
    }

    /** A split in a helper, from each call of the helper, for the inputs that are its parameters. */
    private List<Split> liftedSplits(Split split) {
        if (split.owner() == model.module()) {
            return List.of();
        }
        List<Binding> parameters = model.parametersOf(split.owner());
        List<Split> lifted = new ArrayList<>();
        for (Call call : callsOf(split.owner())) {
            List<Expression> inputs = new ArrayList<>();
            for (Expression input : split.inputs()) {
                Set<Binding> origins = rows.origins(input);
                for (int i = 0; i < parameters.size(); i++) {
                    Expression argument = origins.contains(parameters.get(i))
                            ? DataFlow.argumentFor(call, parameters, i) : null;
                    if (argument != null) {
                        inputs.add(argument);
                    }
                }
            }
            if (!inputs.isEmpty()) {
                lifted.add(new Split(split.call(), split.name(), split.crossValidation(), inputs,
                        executingFunction(call), call));
            }
        }
        return lifted;
    }

    /**
     * A holdout made by slicing rows: {@code X_train, X_valid = X[:cut], X[cut:]} (or the two
     * slices in separate assignments of the same function, also through {@code .iloc}). The head
     * and the tail of the same data at the same bound are its training and test parts; the split
     * is placed at the tail.
     */
    private List<Split> slicedSplits() {
        List<RowSlice> slices = new ArrayList<>();
        for (Assign assignment : assignments) {
            if (assignment.targets().size() != 1) {
                continue;
            }
            Expression target = assignment.targets().get(0);
            Expression value = assignment.value();
            if (target instanceof Tuple && value instanceof Tuple
                    && ((Tuple) target).elts().size() == ((Tuple) value).elts().size()) {
                for (int i = 0; i < ((Tuple) value).elts().size(); i++) {
                    addRowSlice(((Tuple) target).elts().get(i), ((Tuple) value).elts().get(i), assignment, slices);
                }
            } else {
                addRowSlice(target, value, assignment, slices);
            }
        }
        List<Split> result = new ArrayList<>();
        Set<String> paired = new java.util.HashSet<>();
        for (RowSlice tail : slices) {
            if (tail.part() != SlicePart.TAIL) {
                continue;
            }
            for (RowSlice head : slices) {
                if (head.part() != SlicePart.HEAD || head.owner() != tail.owner() || !head.rows().equals(tail.rows())) {
                    continue;
                }
                // data[:b] / data[b:], or with a middle part between them: data[:a] / data[a:b] / data[b:].
                RowSlice middle = null;
                if (!tail.startsAt(head.to())) {
                    for (RowSlice candidate : slices) {
                        if (candidate.part() == SlicePart.MIDDLE && candidate.owner() == tail.owner()
                                && candidate.rows().equals(tail.rows()) && candidate.startsAt(head.to())
                                && tail.startsAt(candidate.to())) {
                            middle = candidate;
                            break;
                        }
                    }
                    if (middle == null) {
                        continue;
                    }
                }
                if (!paired.add(tail.rows() + " from " + tail.from() + "@" + System.identityHashCode(tail.owner()))) {
                    continue;
                }
                Split split = new Split(tail.slice(), "slicing " + snippet(head.slice()) + " / "
                        + (middle == null ? "" : snippet(middle.slice()) + " / ") + snippet(tail.slice()),
                        false, List.of(rowsOf(tail.slice())), tail.owner());
                statements().put(tail.slice(), tail.assignment());
                markPart(head.target(), split, false);
                if (middle != null) {
                    markPart(middle.target(), split, true);
                }
                markPart(tail.target(), split, true);
                result.add(split);
            }
        }
        return result;
    }

    private enum SlicePart { HEAD, MIDDLE, TAIL }

    /**
     * {@code target = data[:to]} (a head, also spelt {@code data[0:to]}), {@code target = data[from:]}
     * (a tail, also {@code data[from:len(data)]}) or {@code target = data[from:to]} (a middle part),
     * the bounds as source text. A part may start a few rows before the bound where the last one
     * ended ({@code data[b - window:]}): the look-back of a sequence model's first test window.
     */
    private record RowSlice(Node owner, String rows, SlicePart part, String from, String fromBase, String to,
                            Subscript slice, Name target, Assign assignment) {
        boolean startsAt(String bound) {
            return bound.equals(from) || bound.equals(fromBase);
        }
    }

    private void addRowSlice(Expression target, Expression value, Assign assignment, List<RowSlice> slices) {
        if (!(target instanceof Name) || !(value instanceof Subscript)) {
            return;
        }
        Subscript subscript = (Subscript) value;
        Expression rowsSelector = subscript.slice() instanceof Tuple && !((Tuple) subscript.slice()).elts().isEmpty()
                ? ((Tuple) subscript.slice()).elts().get(0) : subscript.slice();
        if (!(rowsSelector instanceof dev.pitfall.ast.Slice) || ((dev.pitfall.ast.Slice) rowsSelector).step() != null) {
            return;
        }
        dev.pitfall.ast.Slice slice = (dev.pitfall.ast.Slice) rowsSelector;
        Expression rows = rowsOf(subscript);
        Expression lower = isZero(slice.lower()) ? null : slice.lower();
        Expression upper = isLengthOf(slice.upper(), rows) ? null : slice.upper();
        SlicePart part;
        if (lower == null && upper != null) {
            part = SlicePart.HEAD;
        } else if (lower != null) {
            part = upper == null ? SlicePart.TAIL : SlicePart.MIDDLE;
        } else {
            return;
        }
        String from = lower == null ? null : snippet(lower);
        String fromBase = lower instanceof BinOp && (((BinOp) lower).op() == OperatorKind.Sub
                || ((BinOp) lower).op() == OperatorKind.Add) ? snippet(((BinOp) lower).left()) : null;
        slices.add(new RowSlice(executingFunction(assignment), snippet(rows), part, from, fromBase,
                upper == null ? null : snippet(upper), subscript, (Name) target, assignment));
    }

    private static boolean isZero(Expression bound) {
        return bound instanceof Constant && java.math.BigInteger.ZERO.equals(((Constant) bound).value());
    }

    /** {@code len(rows)} as a slice's upper bound: the same as none. */
    private boolean isLengthOf(Expression bound, Expression rows) {
        return bound instanceof Call && ((Call) bound).args().size() == 1 && ((Call) bound).keywords().isEmpty()
                && model.isCallTo((Call) bound, "builtins.len")
                && snippet(((Call) bound).args().get(0)).equals(snippet(rows));
    }

    /** The data a row slice is taken from: {@code X} for {@code X[a:]} and for {@code X.iloc[a:]}. */
    private static Expression rowsOf(Subscript slice) {
        Expression base = slice.value();
        if (base instanceof Attribute && ROW_INDEXERS.contains(((Attribute) base).attr())) {
            return ((Attribute) base).value();
        }
        return base;
    }

    private static List<Expression> positional(Call call) {
        List<Expression> inputs = new ArrayList<>();
        for (Expression argument : call.args()) {
            inputs.add(argument instanceof Starred ? ((Starred) argument).value() : argument);
        }
        return inputs;
    }

    /** The test parts of splits: odd targets of train_test_split, the second target of a split loop. */
    private void recordTestParts() {
        for (Split split : splits) {
            Node parent = parentOf(split.call());
            if (split.name().equals("train_test_split") && parent instanceof Assign) {
                for (Expression target : ((Assign) parent).targets()) {
                    if (target instanceof Tuple || target instanceof dev.pitfall.ast.List) {
                        List<Expression> parts = target instanceof Tuple ? ((Tuple) target).elts()
                                : ((dev.pitfall.ast.List) target).elts();
                        for (int i = 0; i < parts.size(); i++) {
                            markPart(parts.get(i), split, i % 2 == 1);
                        }
                    }
                }
            } else if (split.name().endsWith(".split")) {
                Node loop = parent instanceof Call && model.isCallTo((Call) parent, "builtins.enumerate")
                        ? parentOf(parent) : parent;
                if (loop instanceof For) {
                    Expression target = ((For) loop).target();
                    if (parent != loop && target instanceof Tuple && ((Tuple) target).elts().size() == 2) {
                        target = ((Tuple) target).elts().get(1);
                    }
                    if (target instanceof Tuple && ((Tuple) target).elts().size() == 2) {
                        markPart(((Tuple) target).elts().get(0), split, false);
                        markPart(((Tuple) target).elts().get(1), split, true);
                    }
                }
            }
        }
    }

    private void markPart(Expression target, Split split, boolean test) {
        if (target instanceof Name) {
            Binding binding = model.bindingOf((Name) target);
            if (binding != null) {
                (test ? testParts : trainParts).put(binding, split);
            }
        }
    }

    // ---- fits

    private Fit preprocessorFit(Call call) {
        if (!catalogImported) {
            return null;
        }
        if (!(call.func() instanceof Attribute)) {
            return functionFit(call);
        }
        Attribute method = (Attribute) call.func();
        if (!FIT_METHODS.contains(method.attr())) {
            // preprocessing.scale(X) after `from sklearn import preprocessing`: a function by its module
            return functionFit(call);
        }
        Call constructor = constructorOf(method.value(), 0);
        if (constructor == null) {
            return null;
        }
        String className = callee(constructor).orElse(null);
        Entry entry = className == null ? null : catalog.find(className);
        if (entry == null || entry.isStateless(constructor)) {
            return null;
        }
        Category category = entry.category();
        if (category == Category.COMPOSITE) {
            category = compositeCategory(constructor, method.attr().equals("fit_transform"));
            if (category == null) {
                return null;
            }
        }
        if (category == Category.OVERSAMPLER && !method.attr().equals("fit_resample")) {
            return null;
        }
        Expression data = argument(call, 0, "X", "raw_documents", "texts", "data", "x");
        if (data == null) {
            return null;
        }
        Expression target = argument(call, 1, "y");
        if (category == Category.LABEL_ENCODER && (looksLikeTarget(data) || assignedToTarget(call))) {
            return null;
        }
        boolean supervised = category == Category.TARGET_ENCODER || category == Category.OVERSAMPLER
                || category == Category.SELECTOR && target != null;
        Set<Binding> carriers = assignedBindings(call);
        if (method.value() instanceof Name) {
            carriers.addAll(model.reachingDefinitions((Name) method.value()));
        }
        String what = method.value() instanceof Name || method.value() instanceof Attribute
                ? "\"" + snippet(method.value()) + "\"" : className.substring(className.lastIndexOf('.') + 1);
        Node parent = parentOf(call);
        if (!(method.value() instanceof Name) && method.attr().equals("fit") && parent instanceof Assign
                && ((Assign) parent).targets().size() == 1 && ((Assign) parent).targets().get(0) instanceof Name) {
            // scaler = StandardScaler().fit(X): fit returns the fitted object, known by its name from here on
            what = "\"" + ((Name) ((Assign) parent).targets().get(0)).id() + "\"";
        }
        return new Fit(call, what, data, category, supervised, carriers, call, executingFunction(call),
                null, null, false, null);
    }

    /** {@code sklearn.preprocessing.scale(X)} and the like: statistics of the argument. */
    private Fit functionFit(Call call) {
        String callee = callee(call).orElse(null);
        Entry entry = callee == null ? null : catalog.find(callee);
        if (entry == null || entry.category() != Category.FUNCTION || call.args().isEmpty()) {
            return null;
        }
        return new Fit(call, callee.substring(callee.lastIndexOf('.') + 1) + "()", call.args().get(0),
                Category.SCALER, false, assignedBindings(call), call, executingFunction(call), null, null,
                false, null);
    }

    /** The category a Pipeline/ColumnTransformer construction leaks as, or null when it learns nothing. */
    private Category compositeCategory(Call constructor, boolean usedAsTransformer) {
        List<Call> steps = new ArrayList<>();
        collectSteps(constructor, steps, 0);
        Category worst = null;
        for (Call step : steps) {
            Entry entry = callee(step).map(catalog::find).orElse(null);
            if (entry == null || entry.isStateless(step) || entry.category() == Category.COMPOSITE) {
                continue;
            }
            if (worst == null || entry.category() == Category.SELECTOR || entry.category() == Category.TARGET_ENCODER) {
                worst = entry.category();
            }
        }
        if (worst == null) {
            return null;
        }
        if (!usedAsTransformer) {
            // fit() on a pipeline that ends in a model trains the model: a Pipeline, not a leak.
            String composite = callee(constructor).orElse("");
            boolean columnWise = composite.contains("ColumnTransformer") || composite.contains("column_transformer")
                    || composite.contains("Union") || composite.contains("union");
            Call last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
            Entry lastEntry = last == null ? null : callee(last).map(catalog::find).orElse(null);
            if (!columnWise && lastEntry == null) {
                return null;
            }
        }
        return worst;
    }

    private void collectSteps(Expression expression, List<Call> steps, int depth) {
        if (expression == null || depth > 6) {
            return;
        }
        if (expression instanceof Name) {
            Call constructor = constructorOf(expression, 0);
            if (constructor != null) {
                collectSteps(constructor, steps, depth + 1);
            }
            return;
        }
        if (expression instanceof Call) {
            Call call = (Call) expression;
            Entry entry = callee(call).map(catalog::find).orElse(null);
            if (entry != null && entry.category() != Category.COMPOSITE) {
                steps.add(call);
                return;
            }
            for (Expression argument : call.args()) {
                collectSteps(argument, steps, depth + 1);
            }
            for (Keyword keyword : call.keywords()) {
                if ("steps".equals(keyword.arg()) || "transformers".equals(keyword.arg())
                        || "transformer_list".equals(keyword.arg())) {
                    collectSteps(keyword.value(), steps, depth + 1);
                }
            }
            return;
        }
        if (expression instanceof Tuple || expression instanceof dev.pitfall.ast.List) {
            List<Expression> elements = expression instanceof Tuple ? ((Tuple) expression).elts()
                    : ((dev.pitfall.ast.List) expression).elts();
            for (Expression element : elements) {
                collectSteps(element, steps, depth + 1);
            }
        }
    }

    /**
     * A pandas statistic applied to a frame: {@code df["age"].fillna(df["age"].mean())},
     * {@code df["city"].map(df.groupby("city")["y"].mean())}, {@code (df - df.mean()) / df.std()}.
     * One per statement: {@code statement} is the one around the application.
     */
    private Fit statisticApplied(Expression application, Call call, Statement statement, Set<Statement> seen) {
        List<Expression> operands = new ArrayList<>();
        Expression receiver;
        if (call != null) {
            if (!(call.func() instanceof Attribute method)) {
                return null;
            }
            Expression looked = method.attr().equals("apply") ? lookupTable(call) : null;
            if (looked != null) {
                operands.add(looked);
            } else if (APPLY_METHODS.contains(method.attr())) {
                operands.addAll(call.args());
                call.keywords().forEach(k -> operands.add(k.value()));
            } else {
                return null;
            }
            receiver = method.value();
        } else {
            BinOp binOp = (BinOp) application;
            operands.add(binOp.left());
            operands.add(binOp.right());
            receiver = null;
        }
        for (Expression operand : operands) {
            Expression other = call != null ? null : operands.get(0) == operand ? operands.get(1) : operands.get(0);
            if (other instanceof Constant) {
                // x.mean() * 100 applies the statistic to nothing; checked first as it is cheap
                continue;
            }
            StatisticSource source = statisticBehind(operand, 0);
            if (source == null) {
                continue;
            }
            Expression statistic = source.statistic();
            Expression data = source.data();
            if (call == null && (statisticBehind(other, 0) != null || isNumber(other) || !rows.overlap(other, data))) {
                continue;
            }
            if (statement == null || !seen.add(statement)) {
                return null;
            }
            Set<Binding> carriers = assignedBindings(application);
            if (call != null && isInplace(call)) {
                Name base = baseName(receiver);
                if (base != null) {
                    carriers.addAll(model.reachingDefinitions(base));
                }
            }
            boolean returned = statement instanceof dev.pitfall.ast.Return && fitOwnerIsFunction(application);
            if (carriers.isEmpty() && !returned) {
                return null;
            }
            Expression written = call != null ? receiver
                    : operands.get(0) == operand ? operands.get(1) : operands.get(0);
            boolean grouped = containsGroupby(statistic) && !sameColumn(statistic, written);
            Located statisticAt = statistic == operand ? null : statistic;
            return new Fit(application, "\"" + snippet(statistic) + "\"", data,
                    grouped ? Category.TARGET_ENCODER : Category.IMPUTER, grouped, carriers, application,
                    executingFunction(application), null, null, true, statisticAt);
        }
        return null;
    }

    /** A count or other number, such as {@code len(df)} or {@code df.shape[0]}: no rows to apply a statistic to. */
    private boolean isNumber(Expression expression) {
        ValueKind kind = model.kindOf(expression);
        return kind.is(ValueKind.INT) || kind.is(ValueKind.FLOAT);
    }

    /**
     * A statistic written into selected rows of the frame it was computed on: mean imputation
     * {@code df.loc[df["age"].isna(), "age"] = df["age"].mean()}, or capping at an outlier limit
     * {@code df.loc[df["fare"] > up, "fare"] = up}. Writing it into a whole column
     * ({@code df["mean_age"] = df["age"].mean()}) makes a constant, which teaches a model nothing.
     */
    private Fit statisticWritten(Assign assignment, Set<Statement> seen) {
        if (assignment.targets().size() != 1 || !(assignment.targets().get(0) instanceof Subscript target)
                || !writesSelectedRows(target)) {
            return null;
        }
        StatisticSource source = statisticBehind(assignment.value(), 0);
        if (source == null) {
            return null;
        }
        Expression statistic = source.statistic();
        Expression data = source.data();
        Name frame = baseName(target);
        if (frame == null || !rows.overlap(frame, data) || !seen.add(assignment)) {
            return null;
        }
        Set<Binding> carriers = new LinkedHashSet<>(model.reachingDefinitions(frame));
        if (carriers.isEmpty()) {
            return null;
        }
        boolean grouped = containsGroupby(statistic) && !sameColumn(statistic, target);
        Located statisticAt = statistic == assignment.value() ? null : statistic;
        return new Fit(target, "\"" + snippet(statistic) + "\"", data,
                grouped ? Category.TARGET_ENCODER : Category.IMPUTER, grouped, carriers, target,
                executingFunction(assignment), null, null, true, statisticAt);
    }

    /** {@code df.loc[rows, col]}, {@code df.at[i, col]}, {@code df["age"][rows]}: a write into some rows. */
    private static boolean writesSelectedRows(Subscript target) {
        return target.value() instanceof Attribute indexer && ROW_WRITING_INDEXERS.contains(indexer.attr())
                || target.value() instanceof Subscript;
    }

    /**
     * The table of {@code s.apply(lambda k: table[k])}, which maps each value through it as
     * {@code s.map(table)} does; null for any other apply.
     */
    private static Expression lookupTable(Call call) {
        if (call.args().size() != 1 || !(call.args().get(0) instanceof Lambda lambda)) {
            return null;
        }
        String parameter = onlyParameter(lambda);
        return parameter != null && lambda.body() instanceof Subscript lookup && lookup.slice() instanceof Name key
                && key.id().equals(parameter) ? lookup.value() : null;
    }

    /** The name of the lambda's one positional parameter, or null. */
    private static String onlyParameter(Lambda lambda) {
        List<Arg> positional = new ArrayList<>(lambda.args().posonlyargs());
        positional.addAll(lambda.args().args());
        return positional.size() == 1 ? positional.get(0).arg() : null;
    }

    /** A statistic returned by a helper is judged where the helper is called. */
    private boolean fitOwnerIsFunction(Expression application) {
        return executingFunction(application) != model.module();
    }

    /**
     * {@code df["city_rate"] = df.groupby("city")["churn"].transform("mean")}: a per-group
     * statistic over all rows, aligned back onto the rows as a new feature. Target encoding when
     * the aggregated column is the target.
     */
    private Fit groupStatisticAssigned(Call call, Statement statement, Set<Statement> seen) {
        if (!(call.func() instanceof Attribute) || !((Attribute) call.func()).attr().equals("transform")
                || !isStatistic(call) || !containsGroupby(call)) {
            return null;
        }
        if (!(statement instanceof Assign) || ((Assign) statement).value() != call
                || ((Assign) statement).targets().stream().noneMatch(t -> t instanceof Subscript)
                || !seen.add(statement)) {
            return null;
        }
        Set<Binding> carriers = assignedBindings(call);
        String aggregated = lastColumnKey(((Attribute) call.func()).value());
        boolean target = aggregated != null && (isTargetWord(aggregated) || targetColumns().contains(aggregated));
        return new Fit(call, "\"" + snippet(call) + "\"", statisticData(call),
                target ? Category.TARGET_ENCODER : Category.IMPUTER, target, carriers, call,
                executingFunction(call), null, null, true, null);
    }

    private static boolean isTargetWord(String column) {
        List<String> words = words(column);
        return !words.isEmpty() && words.stream().anyMatch(TARGET_WORDS::contains);
    }

    private Set<String> targetColumnsCache;

    /** Columns the file takes as its target: {@code y = df["churn"]}, {@code target = data["label"]}. */
    private Set<String> targetColumns() {
        if (targetColumnsCache == null) {
            targetColumnsCache = new java.util.HashSet<>();
            for (Binding binding : model.bindings()) {
                if (binding.kind() == Binding.Kind.ASSIGNMENT && binding.unpackPath().isEmpty()
                        && isTargetWord(binding.name()) && binding.value() instanceof Subscript) {
                    String key = lastColumnKey(binding.value());
                    if (key != null) {
                        targetColumnsCache.add(key);
                    }
                }
            }
        }
        return targetColumnsCache;
    }

    private static boolean isInplace(Call call) {
        for (Keyword keyword : call.keywords()) {
            if ("inplace".equals(keyword.arg()) && keyword.value() instanceof Constant
                    && Boolean.TRUE.equals(((Constant) keyword.value()).value())) {
                return true;
            }
        }
        return false;
    }

    /** A statistic, and the data it is computed over as seen from where it is used. */
    private record StatisticSource(Expression statistic, Expression data) {
    }

    /**
     * The statistic an operand is or holds, or null: followed through a few assignments, through
     * arithmetic with numbers, and into the return of a helper of this file.
     */
    private StatisticSource statisticBehind(Expression operand, int depth) {
        if (isStatistic(operand)) {
            return new StatisticSource(operand, statisticData(operand));
        }
        if (operand instanceof Subscript subscript && isStatistic(subscript.value())) {
            return new StatisticSource(subscript.value(), statisticData(subscript.value()));
        }
        if (operand instanceof BinOp || operand instanceof UnaryOp) {
            return statisticOfArithmetic(operand, depth);
        }
        if (depth >= MAX_STATISTIC_HOPS) {
            return null;
        }
        if (operand instanceof Call call) {
            return statisticReturned(call, List.of(), depth + 1);
        }
        if (operand instanceof Name) {
            Set<Binding> definitions = model.reachingDefinitions((Name) operand);
            if (definitions.size() == 1) {
                Binding binding = definitions.iterator().next();
                if (binding.kind() != Binding.Kind.ASSIGNMENT) {
                    return null;
                }
                if (binding.unpackPath().isEmpty()) {
                    return statisticBehind(binding.value(), depth + 1);
                }
                if (binding.value() instanceof Call call) {
                    return statisticReturned(call, binding.unpackPath(), depth + 1);
                }
            }
        }
        return null;
    }

    /**
     * The first statistic of arithmetic on statistics and numbers, such as an outlier limit
     * {@code q3 + 1.5 * (q3 - q1)}; null when anything else takes part, as the rows themselves do
     * in {@code df["age"] - df["age"].mean()}.
     */
    private StatisticSource statisticOfArithmetic(Expression arithmetic, int depth) {
        StatisticSource found = null;
        for (Expression operand : arithmeticOperands(arithmetic)) {
            if (operand instanceof Constant) {
                continue;
            }
            StatisticSource statistic = statisticBehind(operand, depth);
            if (statistic == null) {
                return null;
            }
            if (found == null) {
                found = statistic;
            }
        }
        return found;
    }

    /** The operands of nested binary and unary operations, left to right: a, b, c of {@code -a * (b + c)}. */
    private static List<Expression> arithmeticOperands(Expression arithmetic) {
        List<Expression> operands = new ArrayList<>();
        List<Expression> pending = new ArrayList<>();
        pending.add(arithmetic);
        while (!pending.isEmpty()) {
            Expression operand = pending.remove(pending.size() - 1);
            if (operand instanceof BinOp binOp) {
                pending.add(binOp.right());
                pending.add(binOp.left());
            } else if (operand instanceof UnaryOp unary) {
                pending.add(unary.operand());
            } else {
                operands.add(operand);
            }
        }
        return operands;
    }

    /**
     * A statistic that a helper of this file returns, as in
     * {@code low, up = outlier_thresholds(df, "fare")}: computed over the argument passed for the
     * parameter it is computed from.
     */
    private StatisticSource statisticReturned(Call call, List<Integer> unpackPath, int depth) {
        List<Statement> functions = model.calledFunctions(call);
        StatisticSource first = null;
        for (Statement function : functions) {
            // A helper defined twice (a notebook exported as a script) must return a statistic both times.
            StatisticSource returned = statisticReturnedBy(function, call, unpackPath, depth);
            if (returned == null) {
                return null;
            }
            if (first == null) {
                first = returned;
            }
        }
        return first;
    }

    private StatisticSource statisticReturnedBy(Statement function, Call call, List<Integer> unpackPath, int depth) {
        List<Expression> returned = model.returnedValues(function);
        if (returned.size() != 1) {
            return null;
        }
        StatisticSource inside = statisticBehind(DataFlow.unpackedPart(model, returned.get(0), unpackPath), depth);
        if (inside == null) {
            return null;
        }
        List<Binding> parameters = model.parametersOf(function);
        Set<Binding> origins = rows.origins(inside.data());
        for (int i = 0; i < parameters.size(); i++) {
            if (origins.contains(parameters.get(i))) {
                Expression argument = DataFlow.argumentFor(call, parameters, i);
                return argument == null ? null : new StatisticSource(inside.statistic(), argument);
            }
        }
        return inside;
    }

    private boolean isStatistic(Expression expression) {
        if (!(expression instanceof Call)) {
            return false;
        }
        Call call = (Call) expression;
        boolean reductionMethod = isReductionMethod(call);
        if (!reductionMethod && !numpyImported) {
            return false;
        }
        String callee = callee(call).orElse(null);
        if (callee != null) {
            return NUMPY_REDUCTIONS.contains(callee) && !call.args().isEmpty() && looksLikeFrameData(call.args().get(0));
        }
        return reductionMethod && looksLikeFrameData(((Attribute) call.func()).value());
    }

    /**
     * {@code x.mean()}, {@code x.transform("mean")}: a pandas reduction by its method name; or a
     * reduction of each group written as a lambda.
     */
    private static boolean isReductionMethod(Call call) {
        if (!(call.func() instanceof Attribute)) {
            return false;
        }
        String method = ((Attribute) call.func()).attr();
        boolean namedReduction = NAMED_REDUCTION_METHODS.contains(method)
                && !call.args().isEmpty() && call.args().get(0) instanceof Constant
                && REDUCTIONS.contains(String.valueOf(((Constant) call.args().get(0)).value()));
        return REDUCTIONS.contains(method) || namedReduction || reducesGroupsInLambda(call, method);
    }

    /**
     * {@code df.groupby(k)["age"].transform(lambda g: g.fillna(g.median()))},
     * {@code .agg(lambda g: g.value_counts().index[0])}: the lambda reduces each group it is given,
     * so the result holds statistics of every row of the frame.
     */
    private static boolean reducesGroupsInLambda(Call call, String method) {
        if (!GROUP_LAMBDA_METHODS.contains(method) || call.args().size() != 1
                || !(call.args().get(0) instanceof Lambda lambda)
                || !containsGroupby(((Attribute) call.func()).value())) {
            return false;
        }
        String group = onlyParameter(lambda);
        return group != null && reductionOf(lambda.body(), group) != null;
    }

    /** The first reduction of the named parameter's whole values in an expression ({@code g.median()}), or null. */
    private static Call reductionOf(Expression expression, String parameter) {
        NodeStack pending = new NodeStack();
        pending.push(expression);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (node instanceof Call inner && inner.func() instanceof Attribute reduction
                    && REDUCTIONS.contains(reduction.attr()) && wholeGroup(reduction.value(), parameter)) {
                return inner;
            }
            node.pushChildren(pending);
        }
        return null;
    }

    /**
     * {@code df[cols].apply(lambda x: x.fillna(x.median()))}: pandas calls the lambda with each
     * column, which it fills or rescales with a statistic of all the column's rows
     * ({@code lambda x: (x - x.mean()) / x.std()} too). {@code transform} does the same, and on
     * a Series calls the lambda with the whole Series; {@code apply} on a Series or with
     * {@code axis=1} gives it single values or rows instead.
     */
    private Fit columnStatisticsApplied(Call call, Statement statement, Set<Statement> seen) {
        if (!(call.func() instanceof Attribute method)
                || !method.attr().equals("apply") && !method.attr().equals("transform")
                || call.args().size() != 1 || !(call.args().get(0) instanceof Lambda lambda)
                || !callsWithColumns(call)) {
            return null;
        }
        String column = onlyParameter(lambda);
        Expression receiver = method.value();
        // Only pandas objects have both apply and fillna, so a receiver of unknown kind is one
        ValueKind kind = model.kindOf(receiver);
        boolean columns = kind.isDataFrame() || kind.isUnknown() || kind.isSeries() && method.attr().equals("transform");
        if (column == null || !columns || containsGroupby(receiver)) {
            return null;
        }
        Call statistic = reductionAppliedToItsOwnValues(lambda.body(), column);
        if (statistic == null || statement == null || !seen.add(statement)) {
            return null;
        }
        Set<Binding> carriers = assignedBindings(call);
        if (carriers.isEmpty()) {
            return null;
        }
        return new Fit(call, "\"" + snippet(call) + "\"", receiver, Category.IMPUTER, false, carriers, call,
                executingFunction(call), null, null, true, null);
    }

    /** No {@code axis} keyword, or axis 0 / "index": the function gets columns, not rows. */
    private static boolean callsWithColumns(Call call) {
        for (Keyword keyword : call.keywords()) {
            if ("axis".equals(keyword.arg())) {
                return isZero(keyword.value()) || keyword.value() instanceof Constant axis
                        && ("index".equals(axis.value()) || "rows".equals(axis.value()));
            }
        }
        return true;
    }

    /**
     * The reduction of a lambda's column that the lambda applies back to that column's values:
     * {@code x.fillna(x.mean())}, {@code (x - x.min()) / (x.max() - x.min())}, either branch of
     * {@code ... if x.dtype != "O" else x}. Null for a lambda that only reduces
     * ({@code x.mean()}), whose result is one number per column.
     */
    private static Call reductionAppliedToItsOwnValues(Expression body, String column) {
        List<Expression> branches = new ArrayList<>();
        branches.add(body);
        while (!branches.isEmpty()) {
            Expression branch = branches.remove(branches.size() - 1);
            if (branch instanceof IfExp choice) {
                branches.add(choice.orelse());
                branches.add(choice.body());
                continue;
            }
            Call reduction = reductionAppliedInBranch(branch, column);
            if (reduction != null) {
                return reduction;
            }
        }
        return null;
    }

    private static Call reductionAppliedInBranch(Expression body, String column) {
        if (body instanceof Call call && call.func() instanceof Attribute method
                && APPLY_METHODS.contains(method.attr()) && wholeGroup(method.value(), column)) {
            for (Expression argument : call.args()) {
                Call reduction = reductionOf(argument, column);
                if (reduction != null) {
                    return reduction;
                }
            }
            for (Keyword keyword : call.keywords()) {
                Call reduction = reductionOf(keyword.value(), column);
                if (reduction != null) {
                    return reduction;
                }
            }
            return null;
        }
        if (body instanceof BinOp) {
            for (Expression operand : arithmeticOperands(body)) {
                if (wholeGroup(operand, column) && reductionOf(operand, column) == null) {
                    return reductionOf(body, column);
                }
            }
            return null;
        }
        return null;
    }

    /**
     * Whether a chain of attributes, subscripts and method calls starts at the group's name
     * without a window on the way: {@code g.rolling(3).mean()} reduces a few neighbouring rows
     * at a time, a lag feature rather than a statistic of the group.
     */
    private static boolean wholeGroup(Expression expression, String group) {
        Expression current = expression;
        while (true) {
            if (current instanceof Name read) {
                return read.id().equals(group);
            } else if (current instanceof Attribute attribute) {
                current = attribute.value();
            } else if (current instanceof Subscript subscript) {
                current = subscript.value();
            } else if (current instanceof Call call && call.func() instanceof Attribute method
                    && !WINDOW_METHODS.contains(method.attr())) {
                current = method.value();
            } else {
                return false;
            }
        }
    }

    /** A DataFrame, Series or groupby, or a column selection of something that is not known to be otherwise. */
    private boolean looksLikeFrameData(Expression expression) {
        ValueKind kind = model.kindOf(expression);
        if (kind.isPandasData() || kind.is(ValueKind.GROUPBY) || kind.is(ValueKind.NDARRAY)) {
            return true;
        }
        if (!kind.isUnknown()) {
            return false;
        }
        if (containsGroupby(expression)) {
            return true;
        }
        // A frame's subscript is a column or a frame, whatever the key: df[column_name] in a helper
        return expression instanceof Subscript subscript && (subscript.slice() instanceof Constant key
                && key.value() instanceof String || model.kindOf(subscript.value()).isDataFrame());
    }

    /**
     * {@code df["age"].fillna(df.groupby("cls")["age"].transform("median"))} imputes a column from
     * its own group statistics; a statistic of another column mapped onto the rows is target
     * encoding.
     */
    private static boolean sameColumn(Expression statistic, Expression written) {
        String aggregated = lastColumnKey(statistic);
        return aggregated != null && aggregated.equals(lastColumnKey(written));
    }

    private static String lastColumnKey(Expression expression) {
        String[] key = {null};
        if (expression == null) {
            return null;
        }
        Nodes.walk(expression, node -> {
            if (node instanceof Subscript && ((Subscript) node).slice() instanceof Constant
                    && ((Constant) ((Subscript) node).slice()).value() instanceof String) {
                key[0] = (String) ((Constant) ((Subscript) node).slice()).value();
            }
        });
        return key[0];
    }

    private static boolean containsGroupby(Expression expression) {
        boolean[] found = {false};
        Nodes.walk(expression, node -> {
            if (node instanceof Attribute && ((Attribute) node).attr().equals("groupby")) {
                found[0] = true;
            }
        });
        return found[0];
    }

    /** The data a statistic is computed over: the receiver of the reduction (or numpy's argument). */
    private Expression statisticData(Expression statistic) {
        Call call = (Call) statistic;
        if (callee(call).isPresent()) {
            return call.args().get(0);
        }
        return ((Attribute) call.func()).value();
    }

    private static boolean isArithmetic(OperatorKind op) {
        return op == OperatorKind.Sub || op == OperatorKind.Div || op == OperatorKind.Add
                || op == OperatorKind.Mult || op == OperatorKind.FloorDiv;
    }

    /**
     * A fit inside a function of this file, seen from each call of that function: fitted on the
     * argument passed for the parameter it derives from, ordered by the call, carried by what the
     * call's result is assigned to (one level).
     */
    private List<Fit> lifted(Fit fit) {
        if (fit.owner() == model.module() || fit.via() != null) {
            return List.of();
        }
        List<Binding> parameters = model.parametersOf(fit.owner());
        Set<Binding> origins = rows.origins(fit.data());
        List<Integer> parameterIndexes = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            if (origins.contains(parameters.get(i))) {
                parameterIndexes.add(i);
            }
        }
        if (parameterIndexes.isEmpty()) {
            return List.of();
        }
        List<Fit> result = new ArrayList<>();
        String functionName = model.scopeOf(fit.owner()) == null ? "helper" : model.scopeOf(fit.owner()).name();
        for (Call call : callsOf(fit.owner())) {
            Set<Binding> carriers = assignedBindings(call);
            for (int i = 0; i < parameters.size(); i++) {
                if (fit.carriers().contains(parameters.get(i))) {
                    Name base = baseName(DataFlow.argumentFor(call, parameters, i));
                    if (base != null) {
                        carriers.addAll(model.reachingDefinitions(base));
                    }
                }
            }
            // One fit per argument whose rows reach the fitted data: a helper that joins its
            // training and test parameters (pd.concat([train_df, test_df])) fits on both.
            List<Expression> arguments = new ArrayList<>();
            Expression first = null;
            for (int parameterIndex : parameterIndexes) {
                Expression argument = DataFlow.argumentFor(call, parameters, parameterIndex);
                if (first == null) {
                    first = argument;
                }
                if (argument != null && holdsRows(argument)) {
                    arguments.add(argument);
                }
            }
            if (arguments.isEmpty() && first != null) {
                arguments.add(first);
            }
            for (Expression argument : arguments) {
                result.add(new Fit(fit.at(), fit.what(), argument, fit.category(), fit.supervised(), carriers,
                        call, executingFunction(call), call, functionName, fit.pandasStatistic(),
                        fit.statistic(), arguments.size() > 1));
            }
        }
        return result;
    }

    /**
     * Whether an argument can bring rows into a helper: not column labels (a list, tuple or
     * string of names, an Index) or a number, which a helper uses to select or size, not as data.
     */
    private boolean holdsRows(Expression argument) {
        ValueKind kind = model.kindOf(argument);
        boolean labelsOrNumber = kind.is(ValueKind.LIST) || kind.is(ValueKind.TUPLE) || kind.is(ValueKind.STR)
                || kind.is(ValueKind.INDEX) || kind.is(ValueKind.INT) || kind.is(ValueKind.FLOAT)
                || kind.is(ValueKind.BOOL) || kind.is(ValueKind.NONE);
        return !labelsOrNumber && !rows.origins(argument).isEmpty();
    }

    /**
     * The calls of a function of this file ({@link SemanticModel#calledFunction}), in document
     * order; found for all functions at once, as every fit and split in a helper asks.
     */
    private List<Call> callsOf(Node function) {
        if (callsByFunction == null) {
            callsByFunction = new IdentityHashMap<>();
            for (Call call : calls) {
                Node called = model.calledFunction(call).orElse(null);
                if (called != null) {
                    callsByFunction.computeIfAbsent(called, f -> new ArrayList<>()).add(call);
                }
            }
        }
        return callsByFunction.getOrDefault(function, List.of());
    }

    // ---- verdicts

    /** A fit on data that contains test rows: a test part of a split, or data named or read as test data. */
    private Leak fitOnTest(Fit fit) {
        if (fit.via() == null && fit.owner() != model.module() && !model.parametersOf(fit.owner()).isEmpty()
                && derivesFromParameter(fit)) {
            return null;
        }
        Set<Binding> origins = rows.origins(fit.data());
        for (Binding origin : origins) {
            Split split = testParts.get(origin);
            if (split != null && !reunites(origins, split)) {
                return new Leak(fit, true, split, null, origin.name(), null);
            }
            boolean splitPart = split != null || trainParts.containsKey(origin);
            if (!splitPart && (isTestNamed(origin) || isReadFromTestFile(origin))) {
                return new Leak(fit, true, null, statementOf(origin), origin.name(), null);
            }
        }
        return null;
    }

    /**
     * Data holding both parts of a split again is the split's input: fitting on it (a final refit
     * on training plus validation data) is judged as a fit on that input, not as a fit on test data.
     */
    private boolean reunites(Set<Binding> origins, Split split) {
        for (Binding origin : origins) {
            if (trainParts.get(origin) == split) {
                return true;
            }
        }
        return false;
    }

    /** A fit in a helper judged on its parameters is judged at the helper's calls instead. */
    private boolean derivesFromParameter(Fit fit) {
        Set<Binding> origins = rows.origins(fit.data());
        for (Binding parameter : model.parametersOf(fit.owner())) {
            if (origins.contains(parameter)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The carriers of a fit, plus the frames that later statements write carried values into:
     * {@code imputer.fit(df[cols])} then {@code df[cols] = imputer.transform(df[cols])} puts the
     * imputer's statistics into {@code df}.
     */
    private Set<Binding> carriersThroughWrites(Fit fit) {
        Set<Binding> carriers = new LinkedHashSet<>(fit.carriers());
        boolean changed = true;
        for (int round = 0; changed && round < 4; round++) {
            changed = false;
            for (int i = 0; i < writes.size(); i++) {
                Assign write = writes.get(i);
                if (writeOwners.get(i) != fit.owner() || !startsBefore(fit.position(), write)) {
                    continue;
                }
                if (Collections.disjoint(derivesFrom(write.value()), carriers)) {
                    continue;
                }
                for (Expression target : write.targets()) {
                    Name base = target instanceof Name ? null : baseName(target);
                    if (base != null) {
                        changed |= carriers.addAll(model.reachingDefinitions(base));
                    }
                }
            }
        }
        return carriers;
    }

    /**
     * True when the split input holds what the fit put into {@code carrier}. A carrier bound
     * before the fit is an object the fit changed (a fitted scaler, a frame written into): only
     * the object itself, or values derived from it after the fit, hold the change; a column
     * selection copied out of the frame before the write does not.
     */
    private boolean carries(Expression input, Binding carrier, Fit fit) {
        Set<Binding> information = derivesFrom(input);
        if (!information.contains(carrier)) {
            return false;
        }
        if (!startsBefore(carrier.node(), fit.position())) {
            return true;
        }
        if (readsAfterFit(input, carrier, fit)) {
            return true;
        }
        for (Binding derived : information) {
            if (derived != carrier && startsBefore(fit.position(), derived.node())
                    && derivesFrom(derived).contains(carrier)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a name read in {@code input} after the fit may hold {@code carrier} itself: the split
     * input is {@code scaled}, or an expression of it such as {@code pca.transform(X)}.
     */
    private boolean readsAfterFit(Expression input, Binding carrier, Fit fit) {
        NodeStack pending = new NodeStack();
        pending.push(input);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (node instanceof Name && ((Name) node).ctx() == ExprContext.Load
                    && startsBefore(fit.position(), (Name) node)
                    && model.reachingDefinitions((Name) node).contains(carrier)) {
                return true;
            }
            node.pushChildren(pending);
        }
        return false;
    }

    /**
     * What a value derives from ({@link DataFlow#derivesFrom}), computed once per value: every
     * fit asks again about the same split inputs, writes and their bindings.
     */
    private Set<Binding> derivesFrom(Expression value) {
        Set<Binding> known = derivationsOfValues.get(value);
        if (known == null) {
            known = model.dataFlow().derivesFrom(value);
            derivationsOfValues.put(value, known);
        }
        return known;
    }

    private Set<Binding> derivesFrom(Binding binding) {
        Set<Binding> known = derivationsOfBindings.get(binding);
        if (known == null) {
            known = model.dataFlow().derivesFrom(binding);
            derivationsOfBindings.put(binding, known);
        }
        return known;
    }

    /** A fit whose output or fitted state reaches data that shares its rows and is split later. */
    private Leak fitBeforeSplit(Fit fit) {
        // a fit on a parameter is judged at the helper's calls, unless the helper itself splits
        // that data afterwards: then the leak is the helper's own, whatever the callers pass
        boolean onParameter = fit.via() == null && fit.owner() != model.module() && derivesFromParameter(fit);
        Set<Binding> carriers = carriersThroughWrites(fit);
        for (Split split : splits) {
            if (split.owner() != fit.owner() || onParameter && split.position() != split.call()) {
                continue;
            }
            for (Expression input : split.inputs()) {
                // train_test_split(scaler.fit_transform(X), y): the fit's output is the split input itself
                if (fit.position() instanceof Node && Nodes.contains(input, (Node) fit.position())) {
                    return new Leak(fit, false, split, null, null, input);
                }
            }
            if (!startsBefore(fit.position(), split.position())) {
                continue;
            }
            for (Expression input : split.inputs()) {
                boolean carried = false;
                for (Binding carrier : carriers) {
                    if (carries(input, carrier, fit)) {
                        carried = true;
                        break;
                    }
                }
                if (carried && rows.overlap(fit.data(), input)) {
                    return new Leak(fit, false, split, null, null, input);
                }
            }
        }
        for (Split split : splits) {
            if (split.owner() == fit.owner() && split.position() == split.call() && split.crossValidation()
                    && insideLoopOver(fit.position(), split)) {
                Set<Binding> origins = rows.origins(fit.data());
                boolean onAPart = origins.stream().anyMatch(o -> testParts.get(o) == split || trainParts.get(o) == split);
                for (Expression input : split.inputs()) {
                    if (!onAPart && rows.overlap(fit.data(), input)) {
                        return new Leak(fit, false, split, null, null, input, true);
                    }
                }
            }
        }
        for (Split split : splits) {
            if (split.owner() == fit.owner() && split.position() == split.call() && startsBefore(fit.position(), split.call())
                    && appliedToSplitParts(fit, split)) {
                for (Expression input : split.inputs()) {
                    if (rows.overlap(fit.data(), input)) {
                        return new Leak(fit, false, split, null, null, input);
                    }
                }
            }
        }
        return null;
    }

    /**
     * True when {@code node} is in the body of the loop that iterates the folds of {@code split}
     * ({@code for tr, va in kf.split(X):}): each fold is evaluated after it, so a fit there on
     * all of {@code X} has seen that fold's validation rows.
     */
    private boolean insideLoopOver(Located node, Split split) {
        Node parent = parentOf(split.call());
        Node loop = parent instanceof Call && model.isCallTo((Call) parent, "builtins.enumerate")
                ? parentOf(parent) : parent;
        if (!(loop instanceof For) || ((For) loop).iter() != (parent == loop ? split.call() : parent)) {
            return false;
        }
        for (Statement statement : ((For) loop).body()) {
            if (node instanceof Node && Nodes.contains(statement, (Node) node)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code scaler.fit(X)}, then {@code train_test_split(X)}, then {@code scaler.transform(X_train)}:
     * the split data is raw, but the scaler fitted on all of it is applied to its parts.
     */
    private boolean appliedToSplitParts(Fit fit, Split split) {
        Set<Binding> parts = Collections.newSetFromMap(new IdentityHashMap<>());
        Statement splitStatement = statementOf(split.call());
        for (Binding binding : model.bindingsMadeBy(splitStatement)) {
            parts.add(binding);
        }
        for (Binding binding : model.bindings()) {
            if (binding.owner() == splitStatement) {
                parts.add(binding);
            }
        }
        if (parts.isEmpty()) {
            return false;
        }
        for (Call call : calls) {
            if (!(call.func() instanceof Attribute) || !(((Attribute) call.func()).value() instanceof Name)
                    || !TRANSFORMING_METHODS.contains(((Attribute) call.func()).attr())
                    || call.args().isEmpty() || !startsBefore(split.call(), call)) {
                continue;
            }
            Set<Binding> receiver = model.reachingDefinitions((Name) ((Attribute) call.func()).value());
            if (Collections.disjoint(receiver, fit.carriers())) {
                continue;
            }
            for (Binding origin : rows.origins(call.args().get(0))) {
                if (parts.contains(origin)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean isTestNamed(Binding binding) {
        if (binding.kind() == Binding.Kind.PARAMETER || binding.kind() == Binding.Kind.IMPORT
                || binding.kind() == Binding.Kind.FUNCTION || binding.kind() == Binding.Kind.CLASS) {
            return false;
        }
        List<String> words = words(binding.name());
        if (words.contains("train") || words.contains("training")) {
            // train_val, X_trainval...: training data; a concatenation with test data is still
            // caught through its parts.
            return false;
        }
        for (String word : words) {
            if (TEST_WORDS.contains(word)) {
                return true;
            }
        }
        return words.size() > 1 && (words.contains("val") || words.contains("te") && words.contains("x"));
    }

    private boolean isReadFromTestFile(Binding binding) {
        if (binding.kind() != Binding.Kind.ASSIGNMENT || !(binding.value() instanceof Call)) {
            return false;
        }
        Call call = (Call) binding.value();
        String callee = callee(call).orElse("");
        if (!callee.startsWith("pandas.read_") && !callee.startsWith("numpy.load")) {
            return false;
        }
        Expression path = argument(call, 0, "filepath_or_buffer", "path", "file", "fname");
        if (!(path instanceof Constant) || !(((Constant) path).value() instanceof String)) {
            return false;
        }
        String text = (String) ((Constant) path).value();
        String fileName = text.substring(Math.max(text.lastIndexOf('/'), text.lastIndexOf('\\')) + 1);
        for (String word : words(fileName)) {
            if (TEST_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The words of an identifier or file name, lower-cased: runs of ASCII letters, also split
     * where a lower-case letter is followed by an upper-case one (camel case). By hand rather than
     * with String.split, which compiles its regular expression on every call.
     */
    static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= name.length(); i++) {
            char c = i < name.length() ? name.charAt(i) : ' ';
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            boolean camelBoundary = letter && start >= 0 && c <= 'Z' && isLowerAscii(name.charAt(i - 1));
            if (start >= 0 && (!letter || camelBoundary)) {
                words.add(name.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
            if (letter && start < 0) {
                start = i;
            }
        }
        return words;
    }

    private static boolean isLowerAscii(char c) {
        return c >= 'a' && c <= 'z';
    }

    /** Data that names the target: {@code y}, {@code y_train}, {@code df["label"]}, {@code target.values}. */
    private boolean looksLikeTarget(Expression data) {
        Expression current = data;
        for (int depth = 0; depth < 6 && current != null; depth++) {
            String name = null;
            if (current instanceof Name) {
                name = ((Name) current).id();
            } else if (current instanceof Subscript && ((Subscript) current).slice() instanceof Constant
                    && ((Constant) ((Subscript) current).slice()).value() instanceof String) {
                name = (String) ((Constant) ((Subscript) current).slice()).value();
            } else if (current instanceof Attribute && !PASS_THROUGH_ATTRIBUTES.contains(((Attribute) current).attr())) {
                name = ((Attribute) current).attr();
            }
            if (name != null) {
                if (namesTarget(name)) {
                    return true;
                }
                if (current instanceof Name || current instanceof Subscript) {
                    return false;
                }
            }
            if (current instanceof Call) {
                current = ((Call) current).func();
            } else if (current instanceof Attribute) {
                current = ((Attribute) current).value();
            } else {
                return false;
            }
        }
        return false;
    }

    /** A name or column name that says it holds the target: {@code y}, {@code label}, {@code churn_class}. */
    private static boolean namesTarget(String name) {
        List<String> words = words(name);
        return !words.isEmpty() && (TARGET_WORDS.contains(words.get(0))
                || words.stream().anyMatch(w -> TARGET_WORDS.contains(w) && !w.equals("y")));
    }

    /**
     * {@code y = LabelEncoder().fit_transform(df["churned"])} or {@code df["target"] = ...}: the
     * output is named as the target.
     */
    private boolean assignedToTarget(Call call) {
        if (parentOf(call) instanceof Assign assign && assign.targets().size() == 1
                && assign.targets().get(0) instanceof Subscript column && column.slice() instanceof Constant key
                && key.value() instanceof String columnName && namesTarget(columnName)) {
            return true;
        }
        Set<Binding> assigned = assignedBindings(call);
        for (Binding binding : assigned) {
            if (binding.node() instanceof Name) {
                List<String> words = words(binding.name());
                if (!words.isEmpty() && TARGET_WORDS.contains(words.get(0))) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- helpers

    /** The constructor call behind a receiver: {@code StandardScaler()}, a name bound to it, {@code X().fit(d)}. */
    private Call constructorOf(Expression receiver, int depth) {
        if (depth > 6 || receiver == null) {
            return null;
        }
        if (receiver instanceof Call) {
            Call call = (Call) receiver;
            if (callee(call).isPresent()) {
                return call;
            }
            if (call.func() instanceof Attribute && REFITTING_METHODS.contains(((Attribute) call.func()).attr())) {
                return constructorOf(((Attribute) call.func()).value(), depth + 1);
            }
            return null;
        }
        if (receiver instanceof Attribute attribute) {
            // self.scaler, stored by the class's methods (self.scaler = MinMaxScaler() in __init__)
            return agreedConstructor(model.instanceAttributeValues(attribute), depth);
        }
        if (receiver instanceof Name) {
            List<Expression> values = new ArrayList<>();
            for (Binding binding : model.reachingDefinitions((Name) receiver)) {
                if (binding.kind() != Binding.Kind.ASSIGNMENT && binding.kind() != Binding.Kind.ANNOTATED_ASSIGNMENT
                        || !binding.unpackPath().isEmpty()) {
                    return null;
                }
                values.add(binding.value());
            }
            return agreedConstructor(values, depth);
        }
        return null;
    }

    /** The constructor every one of the values comes from, when they all construct the same class. */
    private Call agreedConstructor(List<Expression> values, int depth) {
        Call agreed = null;
        String agreedName = null;
        for (Expression value : values) {
            Call constructor = constructorOf(value, depth + 1);
            String name = constructor == null ? null : callee(constructor).orElse(null);
            if (name == null || agreedName != null && !agreedName.equals(name)) {
                return null;
            }
            agreed = constructor;
            agreedName = name;
        }
        return agreed;
    }

    private String constructedClass(Expression receiver) {
        Call constructor = constructorOf(receiver, 0);
        return constructor == null ? null : callee(constructor).orElse(null);
    }

    private static Expression argument(Call call, int position, String... keywords) {
        for (Keyword keyword : call.keywords()) {
            for (String name : keywords) {
                if (name.equals(keyword.arg())) {
                    return keyword.value();
                }
            }
        }
        if (position < call.args().size() && !(call.args().get(position) instanceof Starred)) {
            return call.args().get(position);
        }
        return null;
    }

    /**
     * The bindings that hold an expression's value after its statement: the names it is
     * assigned to, and the frame a subscript or attribute assignment writes into.
     */
    private Set<Binding> assignedBindings(Expression expression) {
        Set<Binding> carriers = new LinkedHashSet<>();
        Statement statement = statementOf(expression);
        List<Expression> targets = new ArrayList<>();
        Expression value = null;
        if (statement instanceof Assign) {
            targets.addAll(((Assign) statement).targets());
            value = ((Assign) statement).value();
        } else if (statement instanceof AnnAssign) {
            targets.add(((AnnAssign) statement).target());
            value = ((AnnAssign) statement).value();
        } else if (statement instanceof AugAssign) {
            targets.add(((AugAssign) statement).target());
            value = ((AugAssign) statement).value();
        }
        if (value == null || !Nodes.contains(value, expression)) {
            return carriers;
        }
        for (Expression target : targets) {
            addTargetBindings(target, carriers);
        }
        return carriers;
    }

    private void addTargetBindings(Expression target, Set<Binding> carriers) {
        if (target instanceof Name) {
            Binding binding = model.bindingOf((Name) target);
            if (binding != null) {
                carriers.add(binding);
            }
        } else if (target instanceof Tuple || target instanceof dev.pitfall.ast.List) {
            List<Expression> elements = target instanceof Tuple ? ((Tuple) target).elts()
                    : ((dev.pitfall.ast.List) target).elts();
            elements.forEach(e -> addTargetBindings(e, carriers));
        } else if (target instanceof Starred) {
            addTargetBindings(((Starred) target).value(), carriers);
        } else {
            Name base = baseName(target);
            if (base != null) {
                carriers.addAll(model.reachingDefinitions(base));
            }
        }
    }

    /** What a call calls, also through a star import of a library whose names the tables know. */
    private java.util.Optional<String> callee(Call call) {
        java.util.Optional<String> direct = callees.of(call);
        if (direct.isPresent() || !(call.func() instanceof Name)) {
            return direct;
        }
        return dev.pitfall.semantic.StarImports.resolve(model, (Name) call.func(), LeakageAnalysis::isKnown);
    }

    /** The names the tables know, for a star import to lend. */
    private static boolean isKnown(String name) {
        return PreprocessorCatalog.get().find(name) != null
                || TRAIN_TEST_SPLITS.contains(name) || NUMPY_REDUCTIONS.contains(name)
                || name.startsWith("sklearn.model_selection.")
                        && name.substring(name.lastIndexOf('.') + 1).matches("\\w*(Fold|Split|Out|SearchCV)|"
                                + String.join("|", CV_FUNCTIONS));
    }

    /** The frame a chain of selections and method calls starts from: {@code df} in {@code df.groupby("a")["b"]}. */
    static String rootFrame(Expression expression) {
        Expression current = expression;
        for (int depth = 0; current != null && depth < 12; depth++) {
            if (current instanceof Name) {
                return ((Name) current).id();
            }
            if (current instanceof Subscript) {
                current = ((Subscript) current).value();
            } else if (current instanceof Attribute) {
                current = ((Attribute) current).value();
            } else if (current instanceof Call) {
                current = ((Call) current).func();
            } else {
                return null;
            }
        }
        return null;
    }

    /** The name at the root of {@code df["a"].loc[1]} and the like. */
    private static Name baseName(Expression expression) {
        Expression current = expression;
        while (current != null) {
            if (current instanceof Name) {
                return (Name) current;
            }
            if (current instanceof Subscript) {
                current = ((Subscript) current).value();
            } else if (current instanceof Attribute) {
                current = ((Attribute) current).value();
            } else {
                return null;
            }
        }
        return null;
    }

    /**
     * The function whose call runs this node (lambdas, comprehensions and class bodies run in
     * place): the one that runs its statement, whose scope the model knows without parent links.
     */
    Node executingFunction(Node node) {
        Statement statement = node instanceof Statement ? (Statement) node : statementOf(node);
        for (Scope scope = model.scopeContaining(statement); scope != null; scope = scope.parent()) {
            if (scope.kind() == Scope.Kind.FUNCTION || scope.kind() == Scope.Kind.MODULE) {
                return scope.node();
            }
        }
        return model.module();
    }

    /** The closest statement around a call, binary operation or row slice of a split. */
    private Statement statementOf(Node node) {
        Statement known = statements().get(node);
        return known != null ? known : model.statementOf(node);
    }

    private IdentityTable<Node, Statement> statements() {
        if (statementsByNode == null) {
            statementsByNode = new IdentityTable<>(calls.size() + arithmetic.size());
            for (int i = 0; i < calls.size(); i++) {
                statementsByNode.put(calls.get(i), callStatements.get(i));
            }
            for (int i = 0; i < arithmetic.size(); i++) {
                statementsByNode.put(arithmetic.get(i), arithmeticStatements.get(i));
            }
        }
        return statementsByNode;
    }

    /**
     * The statement a binding is made in: its owner when that is a statement (an assignment, a
     * loop, an import, a def...), which is then the closest one around the bound node.
     */
    private Statement statementOf(Binding binding) {
        return binding.owner() instanceof Statement ? (Statement) binding.owner() : model.statementOf(binding.node());
    }

    /** The parent of a call of the file, found within its statement. */
    private Node parentOf(Node node) {
        return Nodes.parentWithin(statementOf(node), node);
    }

    String snippet(Located node) {
        var range = model.source().range(node);
        String line = model.source().line(range.startLine());
        int start = Math.min(line.length(), Math.max(0, range.startColumn() - 1));
        int end = range.endLine() == range.startLine() ? Math.min(line.length(), range.endColumn() - 1) : line.length();
        String text = line.substring(start, Math.max(start, end));
        return text.length() > 60 ? text.substring(0, 57) + "..." : text + (range.endLine() == range.startLine() ? "" : "...");
    }

}
