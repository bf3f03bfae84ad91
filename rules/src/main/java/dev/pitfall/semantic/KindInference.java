package dev.pitfall.semantic;

import dev.pitfall.ast.AnnAssign;
import dev.pitfall.ast.Arg;
import dev.pitfall.ast.Arguments;
import dev.pitfall.ast.AsyncFunctionDef;
import dev.pitfall.ast.Attribute;
import dev.pitfall.ast.AugAssign;
import dev.pitfall.ast.BinOp;
import dev.pitfall.ast.BoolOp;
import dev.pitfall.ast.Call;
import dev.pitfall.ast.Compare;
import dev.pitfall.ast.Constant;
import dev.pitfall.ast.Dict;
import dev.pitfall.ast.DictComp;
import dev.pitfall.ast.Expression;
import dev.pitfall.ast.FunctionDef;
import dev.pitfall.ast.GeneratorExp;
import dev.pitfall.ast.IfExp;
import dev.pitfall.ast.JoinedStr;
import dev.pitfall.ast.Keyword;
import dev.pitfall.ast.Lambda;
import dev.pitfall.ast.ListComp;
import dev.pitfall.ast.Name;
import dev.pitfall.ast.NamedExpr;
import dev.pitfall.ast.Node;
import dev.pitfall.ast.PyConstant;
import dev.pitfall.ast.Return;
import dev.pitfall.ast.SetComp;
import dev.pitfall.ast.Slice;
import dev.pitfall.ast.Statement;
import dev.pitfall.ast.Subscript;
import dev.pitfall.ast.Tuple;
import dev.pitfall.ast.UnaryOp;
import dev.pitfall.ast.UnaryOpKind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Flow-sensitive value-kind inference: a name has the kind its reaching definitions agree on;
 * calls, methods, attributes and subscripts take their kinds from {@code value-kinds.txt}.
 * Memoised per node; a cycle (x = f(x) in a loop) yields unknown rather than recursing forever.
 */
final class KindInference {
    private static final ValueKind IN_PROGRESS = ValueKind.of("in-progress");

    private final SemanticModel model;
    private final KindTable table;
    private final IdentityTable<Object, ValueKind> memo;

    KindInference(SemanticModel model, KindTable table) {
        this.model = model;
        this.table = table;
        this.memo = new IdentityTable<>(model.source().text().length() / 32);
    }

    // Memoised without a Supplier: a capturing lambda per call is allocated through a method
    // handle (a native call) in C1-compiled code, and kindOf is called for most expressions.
    ValueKind kindOf(Expression expression) {
        ValueKind known = startInference(expression);
        if (known != null) {
            return known;
        }
        ValueKind result = infer(expression);
        memo.put(expression, result);
        return result;
    }

    ValueKind kindOf(Binding binding) {
        ValueKind known = startInference(binding);
        if (known != null) {
            return known;
        }
        ValueKind result = infer(binding);
        memo.put(binding, result);
        return result;
    }

    /**
     * The memoised kind of {@code key} (unknown while it is being inferred: a cycle); or null,
     * after marking {@code key} as in progress, when the caller must infer it.
     */
    private ValueKind startInference(Object key) {
        ValueKind known = memo.get(key);
        if (known == IN_PROGRESS) {
            return ValueKind.UNKNOWN;
        }
        if (known != null) {
            return known;
        }
        memo.put(key, IN_PROGRESS);
        return null;
    }

    private ValueKind infer(Expression e) {
        if (e instanceof Constant) {
            return constantKind(((Constant) e).value());
        }
        if (e instanceof dev.pitfall.ast.List || e instanceof ListComp) {
            return ValueKind.LIST;
        }
        if (e instanceof Dict || e instanceof DictComp) {
            return ValueKind.DICT;
        }
        if (e instanceof dev.pitfall.ast.Set || e instanceof SetComp) {
            return ValueKind.SET;
        }
        if (e instanceof Tuple) {
            return ValueKind.TUPLE;
        }
        if (e instanceof JoinedStr) {
            return ValueKind.STR;
        }
        if (e instanceof Lambda) {
            return ValueKind.FUNCTION;
        }
        if (e instanceof GeneratorExp) {
            return ValueKind.of("builtins.generator");
        }
        if (e instanceof NamedExpr) {
            return kindOf(((NamedExpr) e).value());
        }
        if (e instanceof Name) {
            return nameKind((Name) e);
        }
        if (e instanceof Call) {
            return callKind((Call) e);
        }
        if (e instanceof Attribute) {
            return attributeKind((Attribute) e);
        }
        if (e instanceof Subscript) {
            return subscriptKind((Subscript) e);
        }
        if (e instanceof BinOp) {
            // Fold the left spine of a long chain (a + b + c ...) without recursion.
            java.util.ArrayDeque<BinOp> spine = new java.util.ArrayDeque<>();
            Expression left = e;
            while (left instanceof BinOp && !memo.containsKey(left) || left == e) {
                spine.push((BinOp) left);
                left = ((BinOp) left).left();
            }
            ValueKind kind = kindOf(left);
            while (!spine.isEmpty()) {
                BinOp op = spine.pop();
                kind = binOpKind(kind, kindOf(op.right()));
                if (op != e) {
                    memo.put(op, kind);
                }
            }
            return kind;
        }
        if (e instanceof Compare) {
            ValueKind left = kindOf(((Compare) e).left());
            return arrayLike(left) ? left : ValueKind.BOOL;
        }
        if (e instanceof UnaryOp) {
            UnaryOp op = (UnaryOp) e;
            return op.op() == UnaryOpKind.Not ? ValueKind.BOOL : kindOf(op.operand());
        }
        if (e instanceof BoolOp || e instanceof IfExp) {
            List<Expression> options = e instanceof BoolOp ? ((BoolOp) e).values()
                    : List.of(((IfExp) e).body(), ((IfExp) e).orelse());
            ValueKind agreed = null;
            for (Expression option : options) {
                ValueKind kind = kindOf(option);
                if (agreed != null && !agreed.equals(kind)) {
                    return ValueKind.UNKNOWN;
                }
                agreed = kind;
            }
            return agreed == null ? ValueKind.UNKNOWN : agreed;
        }
        return ValueKind.UNKNOWN;
    }

    private static ValueKind constantKind(Object value) {
        if (value instanceof Boolean) {
            return ValueKind.BOOL;
        }
        if (value instanceof BigInteger) {
            return ValueKind.INT;
        }
        if (value instanceof Double) {
            return ValueKind.FLOAT;
        }
        if (value instanceof String) {
            return ValueKind.STR;
        }
        if (value instanceof PyConstant.Bytes) {
            return ValueKind.BYTES;
        }
        if (value instanceof PyConstant.Complex) {
            return ValueKind.COMPLEX;
        }
        if (value == PyConstant.NONE) {
            return ValueKind.NONE;
        }
        return ValueKind.UNKNOWN;
    }

    private static boolean arrayLike(ValueKind kind) {
        return kind.isPandasData() || kind.is(ValueKind.NDARRAY) || kind.is(ValueKind.TENSOR);
    }

    private static ValueKind binOpKind(ValueKind left, ValueKind right) {
        for (ValueKind dominant : List.of(ValueKind.DATAFRAME, ValueKind.SERIES, ValueKind.TENSOR,
                ValueKind.NDARRAY)) {
            if (left.is(dominant) || right.is(dominant)) {
                return dominant;
            }
        }
        if (left.equals(right) && (left.is(ValueKind.LIST) || left.is(ValueKind.STR)
                || left.is(ValueKind.TUPLE) || left.is(ValueKind.INT) || left.is(ValueKind.FLOAT))) {
            return left;
        }
        if ((left.is(ValueKind.INT) || left.is(ValueKind.FLOAT))
                && (right.is(ValueKind.INT) || right.is(ValueKind.FLOAT))) {
            return ValueKind.FLOAT;
        }
        return ValueKind.UNKNOWN;
    }

    private ValueKind nameKind(Name name) {
        Collection<Binding> definitions = model.reachingDefinitions(name);
        if (definitions.isEmpty()) {
            return model.qualifiedName(name).isPresent() ? ValueKind.FUNCTION : ValueKind.UNKNOWN;
        }
        return agree(definitions);
    }

    private ValueKind agree(Collection<Binding> definitions) {
        ValueKind agreed = null;
        for (Binding binding : definitions) {
            ValueKind kind = kindOf(binding);
            if (kind.isUnknown() || (agreed != null && !agreed.equals(kind))) {
                return ValueKind.UNKNOWN;
            }
            agreed = kind;
        }
        return agreed == null ? ValueKind.UNKNOWN : agreed;
    }

    private ValueKind infer(Binding binding) {
        switch (binding.kind()) {
            case PARAMETER:
                return parameterKind(binding);
            case ASSIGNMENT:
            case NAMED_EXPRESSION:
                return unpacked(binding.value(), binding.unpackPath());
            case ANNOTATED_ASSIGNMENT: {
                ValueKind declared = annotationKind(((AnnAssign) binding.owner()).annotation());
                return declared != null ? declared : unpacked(binding.value(), binding.unpackPath());
            }
            case AUGMENTED_ASSIGNMENT: {
                Statement statement = (Statement) binding.owner();
                Set<Binding> before = model.reachingBefore(statement, binding.symbol());
                ValueKind previous = before.isEmpty() ? ValueKind.UNKNOWN : agree(before);
                ValueKind combined = binOpKind(previous, kindOf(((AugAssign) statement).value()));
                return arrayLike(previous) || previous.is(ValueKind.LIST) ? previous : combined;
            }
            case FOR_TARGET:
            case COMPREHENSION_TARGET:
                return iterationKind(binding.value(), binding.unpackPath());
            case IMPORT:
                return binding.owner() instanceof dev.pitfall.ast.Import
                        ? ValueKind.MODULE.withDetail(binding.importedName()) : ValueKind.UNKNOWN;
            case FUNCTION:
                return ValueKind.FUNCTION;
            case CLASS:
                return ValueKind.CLASS;
            default:
                return ValueKind.UNKNOWN;
        }
    }

    private ValueKind unpacked(Expression value, List<Integer> path) {
        if (value == null) {
            return ValueKind.UNKNOWN;
        }
        if (path.isEmpty()) {
            return kindOf(value);
        }
        int index = path.get(0);
        List<Expression> elements = null;
        if (value instanceof Tuple) {
            elements = ((Tuple) value).elts();
        } else if (value instanceof dev.pitfall.ast.List) {
            elements = ((dev.pitfall.ast.List) value).elts();
        }
        if (elements == null || path.size() > 1 && path.get(1) == -1 || index >= elements.size()
                || dev.pitfall.ast.Nodes.hasStarred(elements)) {
            return splitPartKind(value, index, path.size() == 1);
        }
        return unpacked(elements.get(index), path.subList(1, path.size()));
    }

    /** {@code a_train, a_test, b_train, b_test = train_test_split(a, b)}: each part has its input's kind. */
    private ValueKind splitPartKind(Expression value, int index, boolean plainElement) {
        if (plainElement && value instanceof Call
                && model.isCallTo((Call) value, "sklearn.model_selection.train_test_split")) {
            List<Expression> arrays = ((Call) value).args();
            if (index / 2 < arrays.size()) {
                return kindOf(arrays.get(index / 2));
            }
        }
        return ValueKind.UNKNOWN;
    }

    private ValueKind iterationKind(Expression iterable, List<Integer> path) {
        ValueKind over = kindOf(iterable);
        if (over.equals(ValueKind.parse("pandas.RowIterator:iterrows"))) {
            return path.equals(List.of(1)) ? ValueKind.SERIES : ValueKind.UNKNOWN;
        }
        if (over.is(ValueKind.GROUPBY)) {
            return path.equals(List.of(1)) ? ValueKind.parse(over.detail().equals("Series")
                    ? "pandas.Series" : "pandas.DataFrame") : ValueKind.UNKNOWN;
        }
        if (over.is(ValueKind.of("pandas.ColumnIterator"))) {
            return path.equals(List.of(1)) ? ValueKind.SERIES : ValueKind.UNKNOWN;
        }
        Expression display = displayOf(iterable);
        if (path.isEmpty() && (display instanceof dev.pitfall.ast.List || display instanceof Tuple)) {
            List<Expression> elements = display instanceof Tuple ? ((Tuple) display).elts()
                    : ((dev.pitfall.ast.List) display).elts();
            ValueKind agreed = null;
            for (Expression element : elements) {
                ValueKind kind = kindOf(element);
                if (agreed != null && !agreed.equals(kind)) {
                    return ValueKind.UNKNOWN;
                }
                agreed = kind;
            }
            return agreed == null ? ValueKind.UNKNOWN : agreed;
        }
        if (path.isEmpty() && over.is(ValueKind.DATAFRAME)) {
            return ValueKind.STR;
        }
        return ValueKind.UNKNOWN;
    }

    /**
     * The list or tuple display a loop iterates: the iterable itself, or the display a name was
     * bound to when that is its only reaching definition ({@code combine = [train, test]}).
     */
    private Expression displayOf(Expression iterable) {
        if (!(iterable instanceof Name)) {
            return iterable;
        }
        Collection<Binding> definitions = model.reachingDefinitions((Name) iterable);
        if (definitions.size() != 1) {
            return iterable;
        }
        Binding definition = definitions.iterator().next();
        return definition.kind() == Binding.Kind.ASSIGNMENT && definition.unpackPath().isEmpty()
                && definition.value() != null ? definition.value() : iterable;
    }

    private ValueKind parameterKind(Binding binding) {
        Arg arg = (Arg) binding.node();
        if (binding.owner() instanceof Lambda) {
            ValueKind passed = lambdaArgumentKind((Lambda) binding.owner(), arg);
            if (passed != null) {
                return passed;
            }
        }
        if (arg.annotation() != null) {
            ValueKind declared = annotationKind(arg.annotation());
            if (declared != null) {
                return declared;
            }
        }
        if (binding.value() != null) {
            ValueKind fromDefault = kindOf(binding.value());
            if (!fromDefault.is(ValueKind.NONE)) {
                return fromDefault;
            }
        }
        if (InstanceAttributes.classOfInstanceParameter(binding) != null) {
            // self.columns in a method says nothing about self: it is whatever the class is
            return ValueKind.UNKNOWN;
        }
        if (attributeByReceiver == null) {
            indexCallsAndAttributes();
        }
        for (dev.pitfall.ast.Name use : binding.symbol().uses()) {
            Attribute attribute = attributeByReceiver.get(use);
            if (attribute != null) {
                ValueKind suggested = table.parameterUse(attribute.attr());
                if (suggested != null) {
                    return suggested;
                }
            }
        }
        return callSiteKind(binding);
    }

    /**
     * The calls of each function of this file made by its plain name, and the attribute each name
     * is the receiver of ({@code df} in {@code df.loc}): found in one walk on first need, which is
     * cheaper than the file's parent links.
     */
    private Map<dev.pitfall.ast.Node, List<dev.pitfall.ast.Call>> callsByFunction;
    private Map<Name, Attribute> attributeByReceiver;

    private void indexCallsAndAttributes() {
        callsByFunction = new IdentityHashMap<>();
        attributeByReceiver = new IdentityHashMap<>();
        // An explicit stack, not Nodes.walk: its callback would be a capturing lambda (see kindOf).
        dev.pitfall.ast.NodeStack pending = new dev.pitfall.ast.NodeStack();
        pending.push(model.module());
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (node instanceof Attribute attribute && attribute.value() instanceof Name receiver) {
                attributeByReceiver.put(receiver, attribute);
            } else if (node instanceof Call call) {
                // A call that may reach either of two definitions of a helper passes its arguments to both
                for (Statement function : model.calledFunctions(call)) {
                    List<Call> calls = callsByFunction.get(function);
                    if (calls == null) {
                        calls = new ArrayList<>();
                        callsByFunction.put(function, calls);
                    }
                    calls.add(call);
                }
            }
            node.pushChildren(pending);
        }
    }

    /**
     * A parameter of a function of this file that every call in the file passes a DataFrame
     * (or every call a Series): {@code def clean(df): ...} called as {@code clean(pd.read_csv(p))}.
     * Only pandas data is taken from call sites; anything else, a call that leaves the parameter
     * to its default, or a function never called here, stays unknown.
     */
    private ValueKind callSiteKind(Binding parameter) {
        dev.pitfall.ast.Node function = parameter.owner();
        if (!(function instanceof dev.pitfall.ast.FunctionDef || function instanceof dev.pitfall.ast.AsyncFunctionDef)) {
            return ValueKind.UNKNOWN;
        }
        List<dev.pitfall.ast.Call> calls = callsByFunction.getOrDefault(function, List.of());
        List<Binding> parameters = model.parametersOf(function);
        int index = parameters.indexOf(parameter);
        dev.pitfall.ast.Arguments arguments = function instanceof dev.pitfall.ast.FunctionDef
                ? ((dev.pitfall.ast.FunctionDef) function).args() : ((dev.pitfall.ast.AsyncFunctionDef) function).args();
        // *args, keyword-only parameters and **kwargs are not filled by position
        if (index < 0 || index >= arguments.posonlyargs().size() + arguments.args().size()) {
            return ValueKind.UNKNOWN;
        }
        ValueKind agreed = null;
        for (dev.pitfall.ast.Call call : calls) {
            Expression argument = DataFlow.argumentFor(call, parameters, index);
            ValueKind passed = argument == null ? ValueKind.UNKNOWN : kindOf(argument);
            if (passed.isUnknown() && isParameterOfUncalledFunction(argument)) {
                // a helper that nothing calls passes nothing: check_outlier(df, col) calling
                // outlier_thresholds(df, col) beside replace_with_thresholds(df, col), which runs
                continue;
            }
            if (!passed.isPandasData() || agreed != null && !agreed.equals(passed)) {
                return ValueKind.UNKNOWN;
            }
            agreed = passed;
        }
        return agreed == null ? ValueKind.UNKNOWN : agreed;
    }

    /**
     * A name that only a parameter of a function of this file binds, a function this file never
     * calls by its name. Not a method's: methods are called through their instance.
     */
    private boolean isParameterOfUncalledFunction(Expression argument) {
        if (!(argument instanceof Name name)) {
            return false;
        }
        Set<Binding> definitions = model.reachingDefinitions(name);
        if (definitions.size() != 1) {
            return false;
        }
        Binding definition = definitions.iterator().next();
        if (definition.kind() != Binding.Kind.PARAMETER
                || !(definition.owner() instanceof dev.pitfall.ast.FunctionDef
                        || definition.owner() instanceof dev.pitfall.ast.AsyncFunctionDef)
                || !callsByFunction.getOrDefault(definition.owner(), List.of()).isEmpty()) {
            return false;
        }
        Scope function = model.scopeOf(definition.owner());
        return function != null && function.parent() != null && function.parent().kind() != Scope.Kind.CLASS;
    }

    /**
     * The kind pandas passes to the first parameter of a lambda given to it: a Series for
     * {@code df.apply(f)} (a column, or a row with {@code axis=1}), the frame for {@code df.pipe(f)}, {@code df.assign(c=f)} and
     * {@code df.loc[f]}, a group for {@code df.groupby(k).apply(f)}; null when not known.
     */
    private ValueKind lambdaArgumentKind(Lambda lambda, Arg arg) {
        List<Arg> positional = new java.util.ArrayList<>(lambda.args().posonlyargs());
        positional.addAll(lambda.args().args());
        if (positional.isEmpty() || positional.get(0) != arg) {
            return null;
        }
        dev.pitfall.ast.Node parent = model.lambdaSite(lambda);
        if (parent instanceof Subscript) {
            ValueKind indexer = kindOf(((Subscript) parent).value());
            return indexer.is(ValueKind.PANDAS_INDEXER) && indexer.detail().startsWith("DataFrame.")
                    ? ValueKind.DATAFRAME : null;
        }
        if (!(parent instanceof Call) || !(((Call) parent).func() instanceof Attribute)) {
            return null;
        }
        Call call = (Call) parent;
        Attribute method = (Attribute) call.func();
        ValueKind receiver = kindOf(method.value());
        String name = method.attr();
        if (receiver.isDataFrame()) {
            if (name.equals("apply")) {
                // a column (default axis) or a row (axis=1): a Series either way
                return ValueKind.SERIES;
            }
            if (name.equals("pipe") || name.equals("assign") || name.equals("where") || name.equals("mask")) {
                return ValueKind.DATAFRAME;
            }
        }
        if (receiver.is(ValueKind.GROUPBY) && (name.equals("apply") || name.equals("filter") || name.equals("pipe"))) {
            return receiver.detail().equals("Series") ? ValueKind.SERIES : ValueKind.DATAFRAME;
        }
        if (receiver.is(ValueKind.GROUPBY) && (name.equals("transform") || name.equals("agg") || name.equals("aggregate"))) {
            return ValueKind.SERIES;
        }
        if (receiver.isSeries() && name.equals("pipe")) {
            return ValueKind.SERIES;
        }
        return null;
    }

    /** The kind an annotation declares: {@code pd.DataFrame}, {@code list[int]}, {@code Optional[X]}… */
    private ValueKind annotationKind(Expression annotation) {
        Expression subject = annotation;
        if (subject instanceof Subscript) {
            Subscript generic = (Subscript) subject;
            String outer = model.qualifiedName(generic.value()).orElse("");
            if (outer.equals("typing.Optional") && !(generic.slice() instanceof Tuple)) {
                return annotationKind(generic.slice());
            }
            subject = generic.value();
        }
        return model.qualifiedName(subject).map(table::annotation).orElse(null);
    }

    private ValueKind callKind(Call call) {
        for (Keyword keyword : call.keywords()) {
            if ("inplace".equals(keyword.arg()) && keyword.value() instanceof Constant
                    && Boolean.TRUE.equals(((Constant) keyword.value()).value())) {
                return ValueKind.NONE;
            }
        }
        String callee = model.qualifiedName(call.func()).orElse(null);
        if (callee != null) {
            ValueKind known = table.call(callee);
            if (known != null && known.isDataFrame() && callee.startsWith("pandas.read_")
                    && !readsOneFrame(call)) {
                return ValueKind.UNKNOWN;
            }
            return known != null ? known : ValueKind.UNKNOWN;
        }
        if (call.func() instanceof Attribute) {
            Attribute method = (Attribute) call.func();
            ValueKind receiver = kindOf(method.value());
            if (receiver.isUnknown()) {
                return ValueKind.UNKNOWN;
            }
            ValueKind result = table.method(receiver.type(), method.attr());
            if (result == null) {
                return ValueKind.UNKNOWN;
            }
            return result.type().equals(KindTable.SAME) ? receiver : result;
        }
        if (call.func() instanceof Name) {
            ValueKind called = kindOf(call.func());
            if (called.is(ValueKind.CLASS)) {
                return ValueKind.of("instance");
            }
            Statement function = model.calledFunction(call).orElse(null);
            if (function != null) {
                return returnedKind(function);
            }
        }
        return ValueKind.UNKNOWN;
    }

    /**
     * What a function defined in this file returns (one level: its {@code return} values' kinds
     * where they all agree, {@code def load(): return pd.read_csv(...)}); unknown for generators,
     * bare {@code return} mixed with values, and functions without a return value.
     */
    private ValueKind returnedKind(Statement function) {
        List<Statement> body = function instanceof FunctionDef
                ? ((FunctionDef) function).body()
                : ((AsyncFunctionDef) function).body();
        List<Node> returns = DataFlow.ownReturnsAndYields(body);
        for (Node found : returns) {
            if (!(found instanceof Return)) {
                return ValueKind.UNKNOWN; // a generator
            }
        }
        ValueKind agreed = null;
        for (Node found : returns) {
            Expression value = ((Return) found).value();
            ValueKind kind = value == null ? ValueKind.NONE : kindOf(value);
            if (kind.isUnknown() || agreed != null && !agreed.equals(kind)) {
                return ValueKind.UNKNOWN;
            }
            agreed = kind;
        }
        return agreed == null ? ValueKind.UNKNOWN : agreed;
    }

    /**
     * False when reader options make a pandas reader return something else than one DataFrame:
     * {@code sheet_name=None} or a list of sheets (a dict of DataFrames), {@code chunksize=} or
     * {@code iterator=True} (a reader of chunks).
     */
    private static boolean readsOneFrame(Call call) {
        for (Keyword keyword : call.keywords()) {
            Expression value = keyword.value();
            boolean none = value instanceof Constant && ((Constant) value).value() == PyConstant.NONE;
            if ("sheet_name".equals(keyword.arg()) && (none || value instanceof dev.pitfall.ast.List)) {
                return false;
            }
            if ("chunksize".equals(keyword.arg()) && !none) {
                return false;
            }
            if ("iterator".equals(keyword.arg()) && value instanceof Constant
                    && Boolean.TRUE.equals(((Constant) value).value())) {
                return false;
            }
        }
        return true;
    }

    private ValueKind attributeKind(Attribute attribute) {
        if (model.qualifiedName(attribute).isPresent()) {
            return ValueKind.UNKNOWN;
        }
        ValueKind receiver = kindOf(attribute.value());
        if (receiver.isUnknown()) {
            return ValueKind.UNKNOWN;
        }
        ValueKind named = table.attribute(receiver.type(), attribute.attr());
        if (named != null) {
            return named;
        }
        if (table.isKnownMethod(receiver.type(), attribute.attr())) {
            // A method named without calling it is a bound method, not a column.
            return ValueKind.FUNCTION;
        }
        ValueKind other = table.otherAttribute(receiver.type());
        return other != null ? other : ValueKind.UNKNOWN;
    }

    private ValueKind subscriptKind(Subscript subscript) {
        Expression key = subscript.slice();
        if (subscript.value() instanceof Attribute shape && shape.attr().equals("shape") && !(key instanceof Slice)) {
            // df.shape[0], X.shape[1]: a count of rows or columns
            ValueKind owner = kindOf(shape.value());
            if (owner.isPandasData() || owner.is(ValueKind.NDARRAY)) {
                return ValueKind.INT;
            }
        }
        ValueKind container = kindOf(subscript.value());
        if (container.isDataFrame()) {
            return dataFrameKey(key);
        }
        if (container.isSeries()) {
            return selectsMany(key) ? ValueKind.SERIES : ValueKind.UNKNOWN;
        }
        if (container.is(ValueKind.PANDAS_INDEXER)) {
            return indexerResult(container.detail(), key);
        }
        if (container.is(ValueKind.NDARRAY)) {
            return key instanceof Slice || key instanceof Tuple || selectsMany(key)
                    ? ValueKind.NDARRAY : ValueKind.UNKNOWN;
        }
        if ((container.is(ValueKind.LIST) || container.is(ValueKind.STR) || container.is(ValueKind.TUPLE))
                && key instanceof Slice) {
            return container;
        }
        return ValueKind.UNKNOWN;
    }

    /** {@code df["a"]} is a Series, {@code df[["a", "b"]]}, {@code df[mask]} and {@code df[1:3]} DataFrames. */
    private ValueKind dataFrameKey(Expression key) {
        if (key instanceof Constant && ((Constant) key).value() instanceof String) {
            return ValueKind.SERIES;
        }
        ValueKind keyKind = kindOf(key);
        if (keyKind.is(ValueKind.STR)) {
            return ValueKind.SERIES;
        }
        if (key instanceof dev.pitfall.ast.List || key instanceof Slice || keyKind.is(ValueKind.LIST)
                || keyKind.isPandasData() || keyKind.is(ValueKind.NDARRAY) || keyKind.is(ValueKind.INDEX)
                || key instanceof Compare || key instanceof BoolOp
                || key instanceof UnaryOp && ((UnaryOp) key).op() == UnaryOpKind.Invert) {
            return ValueKind.DATAFRAME;
        }
        return ValueKind.UNKNOWN;
    }

    private boolean selectsMany(Expression key) {
        if (key instanceof Slice || key instanceof dev.pitfall.ast.List || key instanceof Compare) {
            return true;
        }
        ValueKind keyKind = kindOf(key);
        return keyKind.isPandasData() || keyKind.is(ValueKind.NDARRAY) || keyKind.is(ValueKind.LIST)
                || keyKind.is(ValueKind.INDEX);
    }

    /** {@code df.loc[rows]} is a DataFrame (or a Series for one row); {@code df.loc[rows, "c"]} a Series. */
    private ValueKind indexerResult(String detail, Expression key) {
        boolean onFrame = detail.startsWith("DataFrame.");
        boolean scalarIndexer = detail.endsWith(".at") || detail.endsWith(".iat");
        if (scalarIndexer) {
            return ValueKind.UNKNOWN;
        }
        if (!onFrame) {
            return selectsMany(key) ? ValueKind.SERIES : ValueKind.UNKNOWN;
        }
        if (key instanceof Tuple && ((Tuple) key).elts().size() == 2) {
            boolean manyRows = selectsMany(((Tuple) key).elts().get(0));
            boolean manyColumns = selectsMany(((Tuple) key).elts().get(1));
            if (manyRows && manyColumns) {
                return ValueKind.DATAFRAME;
            }
            return manyRows || manyColumns ? ValueKind.SERIES : ValueKind.UNKNOWN;
        }
        return selectsMany(key) ? ValueKind.DATAFRAME : ValueKind.SERIES;
    }
}
