package dev.pitfall.semantic;

/**
 * What kind of value an expression holds, as far as pitfall can tell without running the code.
 * {@code type} is an open, dotted name ({@code pandas.DataFrame}, {@code numpy.ndarray},
 * {@code builtins.list}, {@code sklearn.estimator}…) so that kinds can be added in the
 * {@code value-kinds.txt} table without changing code; {@code detail} refines it: the class of an
 * estimator ({@code sklearn.preprocessing.StandardScaler}), the indexer and owner of a pandas
 * indexer ({@code DataFrame.loc}), a module's name. Anything not known is {@link #UNKNOWN}, and
 * rules must treat unknown as "could be anything".
 */
public record ValueKind(String type, String detail) {
    public static final ValueKind UNKNOWN = of("unknown");
    public static final ValueKind DATAFRAME = of("pandas.DataFrame");
    public static final ValueKind SERIES = of("pandas.Series");
    /** The result of {@code groupby}, on a DataFrame or a Series. */
    public static final ValueKind GROUPBY = of("pandas.GroupBy");
    public static final ValueKind INDEX = of("pandas.Index");
    public static final ValueKind NDARRAY = of("numpy.ndarray");
    public static final ValueKind NUMPY_GENERATOR = of("numpy.random.Generator");
    public static final ValueKind NUMPY_RANDOM_STATE = of("numpy.random.RandomState");
    public static final ValueKind TENSOR = of("torch.Tensor");
    public static final ValueKind LIST = of("builtins.list");
    public static final ValueKind DICT = of("builtins.dict");
    public static final ValueKind SET = of("builtins.set");
    public static final ValueKind TUPLE = of("builtins.tuple");
    public static final ValueKind FROZENSET = of("builtins.frozenset");
    public static final ValueKind STR = of("builtins.str");
    public static final ValueKind BYTES = of("builtins.bytes");
    public static final ValueKind BYTEARRAY = of("builtins.bytearray");
    public static final ValueKind INT = of("builtins.int");
    public static final ValueKind FLOAT = of("builtins.float");
    public static final ValueKind COMPLEX = of("builtins.complex");
    public static final ValueKind BOOL = of("builtins.bool");
    public static final ValueKind NONE = of("builtins.NoneType");
    public static final ValueKind FUNCTION = of("builtins.function");
    public static final ValueKind CLASS = of("builtins.type");
    /** An imported module; detail is its qualified name. */
    public static final ValueKind MODULE = of("builtins.module");
    /** A pandas {@code .loc/.iloc/.at/.iat} indexer; detail is owner and indexer, e.g. {@code DataFrame.loc}. */
    public static final ValueKind PANDAS_INDEXER = of("pandas.Indexer");
    /** A scikit-learn-style estimator (anything with fit); detail is its class's qualified name. */
    public static final ValueKind ESTIMATOR = of("sklearn.estimator");

    public static ValueKind of(String type) {
        return new ValueKind(type, "");
    }

    /** Parses the table notation {@code type} or {@code type:detail}. */
    public static ValueKind parse(String text) {
        int colon = text.indexOf(':');
        return colon < 0 ? of(text) : new ValueKind(text.substring(0, colon), text.substring(colon + 1));
    }

    public static ValueKind estimator(String qualifiedClass) {
        return new ValueKind(ESTIMATOR.type, qualifiedClass);
    }

    public ValueKind withDetail(String newDetail) {
        return new ValueKind(type, newDetail);
    }

    public boolean isUnknown() {
        return type.equals(UNKNOWN.type);
    }

    /** Same type, whatever the detail. */
    public boolean is(ValueKind other) {
        return type.equals(other.type);
    }

    public boolean isDataFrame() {
        return is(DATAFRAME);
    }

    public boolean isSeries() {
        return is(SERIES);
    }

    /** A DataFrame or a Series. */
    public boolean isPandasData() {
        return is(DATAFRAME) || is(SERIES);
    }

    public boolean isEstimator() {
        return is(ESTIMATOR);
    }

    @Override
    public String toString() {
        return detail.isEmpty() ? type : type + ":" + detail;
    }
}
