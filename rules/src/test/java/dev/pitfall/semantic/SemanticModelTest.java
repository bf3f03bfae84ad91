package dev.pitfall.semantic;

import static dev.pitfall.semantic.ModelFixtures.load;
import static dev.pitfall.semantic.ModelFixtures.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitfall.ast.Call;
import dev.pitfall.ast.Expression;
import dev.pitfall.ast.Name;
import dev.pitfall.ast.Nodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SemanticModelTest {
    private static Call call(SemanticModel model, int line) {
        List<Call> found = new ArrayList<>();
        Nodes.walk(model.module(), node -> {
            if (node instanceof Call && ((Call) node).lineno() == line) {
                found.add((Call) node);
            }
        });
        return found.get(0);
    }

    private static Set<Integer> lines(Set<Binding> bindings) {
        return bindings.stream().map(Binding::line).collect(Collectors.toSet());
    }

    @Test
    void importsResolveToQualifiedNames() {
        SemanticModel m = model("""
                import numpy as np
                import numpy.random
                from sklearn.preprocessing import StandardScaler as SS
                from torch import manual_seed
                from .utils import seed_all
                from .. import helpers
                seed = np.random.seed
                np.random.seed(0)
                numpy.random.seed(1)
                SS()
                manual_seed(2)
                seed_all(3)
                helpers.go()
                seed(4)
                len([])
                """);
        assertEquals(Optional.of("numpy.random.seed"), m.calleeName(call(m, 8)));
        assertEquals(Optional.of("numpy.random.seed"), m.calleeName(call(m, 9)));
        assertEquals(Optional.of("sklearn.preprocessing.StandardScaler"), m.calleeName(call(m, 10)));
        assertEquals(Optional.of("torch.manual_seed"), m.calleeName(call(m, 11)));
        assertEquals(Optional.of(".utils.seed_all"), m.calleeName(call(m, 12)));
        assertEquals(Optional.of("..helpers.go"), m.calleeName(call(m, 13)));
        assertTrue(m.isCallTo(call(m, 14), "numpy.random.seed"));
        assertTrue(m.isCallTo(call(m, 15), "builtins.len"));
    }

    @Test
    void localNamesShadowImportsAndBuiltins() {
        SemanticModel m = model("""
                import numpy as np
                def f(np):
                    np.random.seed(0)
                def g():
                    len = lambda x: 0
                    return len([])
                np.random.seed(1)
                """);
        assertEquals(Optional.empty(), m.calleeName(call(m, 3)));
        assertFalse(m.isCallTo(call(m, 6), "builtins.len"));
        assertTrue(m.isCallTo(call(m, 7), "numpy.random.seed"));
    }

    @Test
    void importInsideABranchOnlyCountsWhereItReaches() {
        SemanticModel m = model("""
                try:
                    import ujson as json
                except ImportError:
                    import json
                json.loads("1")
                """);
        assertEquals(Optional.empty(), m.calleeName(call(m, 5)), "two different modules may be bound");
    }

    @Test
    void reachingDefinitionsFollowStatementOrderAndBranches() {
        SemanticModel m = model("""
                def f(flag, items):
                    x = 1
                    if flag:
                        x = 2
                    else:
                        return x
                    y = x
                    for item in items:
                        z = x
                        x = item
                    return x, z
                """);
        assertEquals(Set.of(2), lines(m.reachingDefinitions(load(m, "x", 6))));
        assertEquals(Set.of(4), lines(m.reachingDefinitions(load(m, "x", 7))), "the else branch returned");
        assertEquals(Set.of(4, 10), lines(m.reachingDefinitions(load(m, "x", 9))), "around the loop");
        assertEquals(Set.of(4, 10), lines(m.reachingDefinitions(load(m, "x", 11))));
    }

    @Test
    void reachingDefinitionsThroughTryWithMatchWalrusAndBreak() {
        SemanticModel m = model("""
                def f(path, items, command):
                    try:
                        data = open(path).read()
                    except OSError as err:
                        data = str(err)
                    finally:
                        done = True
                    with open(path) as fh:
                        data = fh.read()
                    match command:
                        case "reset":
                            data = ""
                        case other:
                            data = other
                    for item in items:
                        if item:
                            found = item
                            break
                    else:
                        found = None
                    if (n := len(data)) > 3:
                        print(n)
                    return data, found, done, n
                """);
        assertEquals(Set.of(9, 12, 14), lines(m.reachingDefinitions(load(m, "data", 23))));
        assertEquals(Set.of(17, 20), lines(m.reachingDefinitions(load(m, "found", 23))));
        assertEquals(Set.of(21), lines(m.reachingDefinitions(load(m, "n", 23))));
        assertEquals(Set.of(4), lines(m.reachingDefinitions(load(m, "err", 5))));
    }

    @Test
    void globalsReadInAFunctionSeeEveryModuleBinding() {
        SemanticModel m = model("""
                data = []
                def use():
                    return data
                data = {}
                """);
        assertEquals(Set.of(1, 4), lines(m.reachingDefinitions(load(m, "data", 3))));
    }

    @Test
    void nonlocalAndGlobalBindingsBelongToTheVariableTheyBind() {
        SemanticModel m = model("""
                count = 0
                def outer():
                    total = 0
                    def add(n):
                        nonlocal total
                        global count
                        total += n
                        count = n
                    add(1)
                    return total
                """);
        Symbol total = m.scopeOf(m.module().body().get(1)).symbol("total");
        assertEquals(Set.of(3, 7), lines(Set.copyOf(total.bindings())));
        assertEquals(Set.of(1, 8), lines(Set.copyOf(m.moduleScope().symbol("count").bindings())));
        assertEquals(Set.of(3, 7), lines(m.reachingDefinitions(load(m, "total", 10))));
    }

    @Test
    void pandasKindsFromReadersMethodsAndSubscripts() {
        SemanticModel m = model("""
                import pandas as pd
                df = pd.read_csv("data.csv")
                s = df["age"]
                sub = df[["age", "income"]]
                rows = df[df["age"] > 30]
                g = df.groupby("city")
                means = df.mean()
                arr = df.values
                one = df.loc[0]
                col = df.loc[:, "age"]
                filled = df.fillna(0, inplace=True)
                head = df.head().reset_index()
                attr = df.age
                print(s, sub, rows, g, means, arr, one, col, filled, head, attr)
                """);
        assertEquals(ValueKind.DATAFRAME, m.kindOf(load(m, "df", 3)));
        assertEquals(ValueKind.SERIES, m.kindOf(load(m, "s", 14)));
        assertEquals(ValueKind.DATAFRAME, m.kindOf(load(m, "sub", 14)));
        assertEquals(ValueKind.DATAFRAME, m.kindOf(load(m, "rows", 14)));
        assertTrue(m.kindOf(load(m, "g", 14)).is(ValueKind.GROUPBY));
        assertEquals(ValueKind.SERIES, m.kindOf(load(m, "means", 14)));
        assertEquals(ValueKind.NDARRAY, m.kindOf(load(m, "arr", 14)));
        assertEquals(ValueKind.SERIES, m.kindOf(load(m, "one", 14)));
        assertEquals(ValueKind.SERIES, m.kindOf(load(m, "col", 14)));
        assertEquals(ValueKind.NONE, m.kindOf(load(m, "filled", 14)));
        assertEquals(ValueKind.DATAFRAME, m.kindOf(load(m, "head", 14)));
        assertEquals(ValueKind.SERIES, m.kindOf(load(m, "attr", 14)));
    }

    @Test
    void kindsAreFlowSensitiveAndUnknownWhenPathsDisagree() {
        SemanticModel m = model("""
                import pandas as pd
                import numpy as np
                def f(flag):
                    x = [1, 2]
                    a = x
                    x = pd.DataFrame(x)
                    b = x
                    if flag:
                        x = np.zeros(3)
                    return a, b, x
                """);
        assertEquals(ValueKind.LIST, m.kindOf(load(m, "x", 5)));
        assertEquals(ValueKind.DATAFRAME, m.kindOf(load(m, "x", 7)));
        assertEquals(ValueKind.UNKNOWN, m.kindOf(load(m, "x", 10)));
    }

    @Test
    void kindsOfParametersFromAnnotationsDefaultsAndUse() {
        SemanticModel m = model("""
                import pandas as pd
                from sklearn.preprocessing import StandardScaler
                def f(frame: pd.DataFrame, other, scaler=StandardScaler(), seen=None):
                    for _, row in other.iterrows():
                        print(row)
                    return frame, other, scaler, seen
                """);
        assertEquals(ValueKind.DATAFRAME, m.kindOf(load(m, "frame", 6)));
        assertEquals(ValueKind.DATAFRAME, m.kindOf(load(m, "other", 6)));
        assertEquals(ValueKind.SERIES, m.kindOf(load(m, "row", 5)));
        ValueKind scaler = m.kindOf(load(m, "scaler", 6));
        assertTrue(scaler.isEstimator());
        assertEquals("sklearn.preprocessing.StandardScaler", scaler.detail());
        assertEquals(ValueKind.UNKNOWN, m.kindOf(load(m, "seen", 6)));
    }

    @Test
    void lambdaParametersGetWhatPandasPassesThem() {
        SemanticModel m = model("""
                import pandas as pd
                df = pd.DataFrame({"a": [1], "b": [2]})
                total = df.apply(lambda row: row["a"] + row["b"], axis=1)
                piped = df.pipe(lambda d: d.head())
                groups = df.groupby("a").apply(lambda g: g["b"].sum())
                picked = df.loc[lambda d: d["a"] > 0]
                squares = df["a"].map(lambda v: v * v)
                """);
        assertEquals(ValueKind.SERIES, m.kindOf(load(m, "row", 3)));
        assertEquals(ValueKind.DATAFRAME, m.kindOf(load(m, "d", 4)));
        assertEquals(ValueKind.DATAFRAME, m.kindOf(load(m, "g", 5)));
        assertEquals(ValueKind.DATAFRAME, m.kindOf(load(m, "d", 6)));
        assertEquals(ValueKind.UNKNOWN, m.kindOf(load(m, "v", 7)));
    }

    @Test
    void longOperatorChainsDoNotExhaustTheStack() {
        // CPython accepts chains of several thousand operands; they nest to the left in the tree.
        String chain = "x = np.zeros(3)" + " + 1".repeat(9000);
        SemanticModel m = model("import numpy as np\nbase = 1\n" + chain + " + base\ny = x\n");
        assertEquals(ValueKind.NDARRAY, m.kindOf(load(m, "x", 4)));
        Binding base = m.moduleScope().symbol("base").bindings().get(0);
        assertTrue(m.dataFlow().derivesFrom(load(m, "x", 4), base));
    }

    @Test
    void seededGeneratorsOfTorchAndTheRandomModule() {
        SemanticModel m = model("""
                import random
                import torch
                g = torch.Generator().manual_seed(0)
                r = random.Random(1)
                print(g, r)
                """);
        assertEquals(ValueKind.of("torch.Generator"), m.kindOf(load(m, "g", 5)));
        assertEquals(ValueKind.of("random.Random"), m.kindOf(load(m, "r", 5)));
    }

    @Test
    void numpyGeneratorsAndSplitParts() {
        SemanticModel m = model("""
                import numpy as np
                import pandas as pd
                from sklearn.model_selection import train_test_split
                rng = np.random.default_rng(0)
                X = pd.DataFrame({"a": [1, 2, 3, 4]})
                y = np.arange(4)
                X_train, X_test, y_train, y_test = train_test_split(X, y)
                print(rng, X_train, y_test)
                """);
        assertEquals(ValueKind.NUMPY_GENERATOR, m.kindOf(load(m, "rng", 8)));
        assertEquals(ValueKind.DATAFRAME, m.kindOf(load(m, "X_train", 8)));
        assertEquals(ValueKind.NDARRAY, m.kindOf(load(m, "y_test", 8)));
    }

    @Test
    void dataFlowThroughAssignmentsCallsSplitsAndHelpers() {
        SemanticModel m = model("""
                import pandas as pd
                from sklearn.model_selection import train_test_split
                from sklearn.preprocessing import StandardScaler
                def double(a):
                    return a * 2
                def pick_second(a, b):
                    return b
                df = pd.read_csv("d.csv")
                X = df.drop(columns="y")
                y = df["y"]
                X_scaled = StandardScaler().fit_transform(X)
                X_train, X_test, y_train, y_test = train_test_split(X_scaled, y, random_state=0)
                doubled = double(y)
                second = pick_second(X, y)
                print(X_train, y_test, doubled, second)
                """);
        DataFlow flow = m.dataFlow();
        Binding df = m.moduleScope().symbol("df").bindings().get(0);
        Binding x = m.moduleScope().symbol("X").bindings().get(0);
        Binding y = m.moduleScope().symbol("y").bindings().get(0);
        Expression xTrain = load(m, "X_train", 15);
        Expression yTest = load(m, "y_test", 15);
        assertTrue(flow.derivesFrom(xTrain, x));
        assertTrue(flow.derivesFrom(xTrain, df));
        assertFalse(flow.derivesFrom(xTrain, y), "X_train is the split of X_scaled only");
        assertTrue(flow.derivesFrom(yTest, y));
        assertFalse(flow.derivesFrom(yTest, x));
        assertTrue(flow.derivesFrom(load(m, "doubled", 15), y), "through the helper's summary");
        assertFalse(flow.derivesFrom(load(m, "second", 15), x), "pick_second returns its second argument");
        assertTrue(flow.derivesFrom(load(m, "second", 15), y));
    }

    @Test
    void scopeContainingPutsDefaultsAndFirstIterablesOutside() {
        SemanticModel m = model("""
                def f(a=len):
                    return [x for x in a if x]
                """);
        Scope module = m.moduleScope();
        Name defaultValue = load(m, "len", 1);
        assertEquals(module, m.scopeContaining(defaultValue));
        assertEquals(Scope.Kind.FUNCTION, m.scopeContaining(load(m, "a", 2)).kind());
        assertEquals(Scope.Kind.COMPREHENSION, m.scopeContaining(load(m, "x", 2)).kind());
    }

    @Test
    void scopeContainingAnyExpressionFollowsLambdaAndComprehensionRules() {
        SemanticModel m = model("""
                data = [1, 2]
                f = lambda v, w=len(data): v + 1
                squares = [x * x for x in sorted(data) if x > 0]
                """);
        List<dev.pitfall.ast.Node> found = new ArrayList<>();
        Nodes.walk(m.module(), node -> {
            if (node instanceof dev.pitfall.ast.BinOp || node instanceof Call || node instanceof dev.pitfall.ast.Compare) {
                found.add(node);
            }
        });
        // walk order: len(data), v + 1, x * x, sorted(data), x > 0
        assertEquals(Scope.Kind.MODULE, m.scopeContaining(found.get(0)).kind(), "a lambda default");
        assertEquals(Scope.Kind.LAMBDA, m.scopeContaining(found.get(1)).kind(), "a lambda body");
        assertEquals(Scope.Kind.COMPREHENSION, m.scopeContaining(found.get(2)).kind(), "an element");
        assertEquals(Scope.Kind.MODULE, m.scopeContaining(found.get(3)).kind(), "the first iterable");
        assertEquals(Scope.Kind.COMPREHENSION, m.scopeContaining(found.get(4)).kind(), "a condition");
    }
}
