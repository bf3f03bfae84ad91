package dev.pitfall.rules.leakage;

import dev.pitfall.ast.Assign;
import dev.pitfall.ast.BinOp;
import dev.pitfall.ast.Call;
import dev.pitfall.ast.Located;
import dev.pitfall.ast.Node;
import dev.pitfall.ast.Slice;
import dev.pitfall.ast.Subscript;
import dev.pitfall.ast.Tuple;
import dev.pitfall.ast.UnaryOp;
import dev.pitfall.lint.Dispatch;
import dev.pitfall.lint.Finding.RelatedLocation;
import dev.pitfall.lint.Rule;
import dev.pitfall.lint.RuleContext;
import dev.pitfall.lint.RuleInfo;
import dev.pitfall.lint.Severity;
import dev.pitfall.rules.CalleeNames;
import dev.pitfall.rules.ImportedModules;
import dev.pitfall.rules.leakage.LeakageAnalysis.Fit;
import dev.pitfall.rules.leakage.LeakageAnalysis.Leak;
import dev.pitfall.rules.leakage.PreprocessorCatalog.Category;
import java.util.ArrayList;
import java.util.List;

/** PF401: a data-dependent preprocessor fitted before the split, or on test data. */
@RuleInfo(code = "PF401", name = "preprocessing-leakage",
        summary = "Preprocessor fitted on data that includes the test rows",
        severity = Severity.WARNING, tags = {"correctness", "leakage", "sklearn", "pandas"},
        precision = "high",
        explanation = """
                ## What it does
                Finds preprocessing that learns from rows which later serve as test or validation \
                data:
                - a data-dependent preprocessor (scalers, statistic imputers, encoders without fixed \
                `categories=`, discretisers, feature selectors, PCA and other decompositions, text \
                vectorisers, Keras `Tokenizer.fit_on_texts` / `adapt`) fitted with `fit` or \
                `fit_transform` on data that is afterwards split (`train_test_split`, \
                `KFold(...).split`, or slicing into a training head and a held-out tail: \
                `X[:n]` / `X[n:]`, also spelt `X[0:n]` or `X[n:len(X)]`, with a validation part \
                `X[n:m]` between them, or with a tail that starts a look-back window early, \
                `X[n - 60:]`) or cross-validated (`cross_val_score`, `cross_validate`, \
                `cross_val_predict`, `GridSearchCV(...).fit`), directly or through derived \
                variables, helper functions of the file, preprocessors kept on the instance \
                (`self.scaler = MinMaxScaler()` in `__init__`) and notebook cells;
                - oversampling (`SMOTE().fit_resample`) and target encoding before the split;
                - a pandas statistic of the whole frame used to fill or derive a feature before \
                the split (`df["age"].fillna(df["age"].mean())`, a `groupby(...).mean()` mapped \
                back onto the rows, a lambda that reduces each group, \
                `transform(lambda g: g.fillna(g.median()))`), written into rows \
                (`df.loc[df["age"].isna(), "age"] = df["age"].mean()`, capping at outlier limits \
                such as `q3 + 1.5 * (q3 - q1)`, also when a helper like `outlier_thresholds` \
                returns them), or applied to each column by `apply` or `transform` \
                (`df[cols].apply(lambda x: x.fillna(x.median()))`, min-max scaling in a lambda);
                - any of these fitted on the test side of a split, or on data named or read as test \
                data (`pd.concat([train, test])`).

                A `Pipeline` passed to cross-validation, stateless transformations \
                (`FunctionTransformer`, `pd.get_dummies`, `Normalizer`), encoders with fixed \
                `categories=`, a constant imputer and label encoding of the target (also into a \
                column named as the target, `df["target"] = le.fit_transform(df["sentiment"])`) \
                are fine. A statistic divided by a count (`df.isnull().sum() / len(df)`) or set \
                as a whole column changes no row. \
                Numbers are not data: a sample drawn with `n_samples=n_train + n_test` and cut at \
                `n_train` holds no test rows, and a statistic used only as an index or slice bound \
                (`v[:mask.sum()]`) is not applied to the rows. Training and test rows joined \
                for feature engineering and cut apart again at the training part's length \
                (`full = pd.concat([train, test])`, then a fit on `full[:len(train)]` or \
                `full.iloc[:ntrain]` with `ntrain = train.shape[0]`) are fine: the head holds the \
                training rows only, unless the rows were reordered or dropped in between. \
                Supervised fits (selectors given `y`, target encoding), oversampling and fits on \
                test data are errors; unsupervised scaling, imputation, encoding and projections \
                are warnings (their effect on scores is usually small, but it is still a leak).

                ## Why it matters
                The test score is supposed to estimate performance on unseen data. A preprocessor \
                fitted on all rows has seen the test rows (their mean, their categories, their \
                vocabulary, their labels), so the score is optimistic, and the same code fails to \
                reproduce it in production.

                ## Example
                ```python
                X_scaled = StandardScaler().fit_transform(X)
                X_train, X_test, y_train, y_test = train_test_split(X_scaled, y)
                ```

                ## Use instead
                ```python
                X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
                scaler = StandardScaler().fit(X_train)
                X_train, X_test = scaler.transform(X_train), scaler.transform(X_test)
                # or, for cross-validation:
                cross_val_score(make_pipeline(StandardScaler(), LogisticRegression()), X, y)
                ```
                """)
public final class PreprocessingLeakage implements Rule {
    private final LeakageAnalysis.FileNodes nodes = new LeakageAnalysis.FileNodes();

    @Override
    public void register(Dispatch dispatch) {
        dispatch.on(Call.class, (call, context) -> {
            nodes.calls().add(call);
            nodes.callStatements().add(context.statement());
        });
        dispatch.on(Assign.class, (assignment, context) -> nodes.assignments().add(assignment));
        dispatch.on(BinOp.class, (binOp, context) -> {
            if (!isPosition(context)) {
                nodes.arithmetic().add(binOp);
                nodes.arithmeticStatements().add(context.statement());
            }
        });
        dispatch.onEnd(this::finish);
    }

    /**
     * Whether the operation being visited computes a subscript's index or slice bound
     * ({@code v[size:size + mask.sum()]}): a statistic there picks positions, and no value of it
     * reaches the rows.
     */
    private static boolean isPosition(RuleContext context) {
        Node inner = context.ancestor(0);
        for (int generation = 1; ; generation++) {
            Node outer = context.ancestor(generation);
            if (outer instanceof Slice || outer instanceof Subscript && ((Subscript) outer).slice() == inner) {
                return true;
            }
            if (!(outer instanceof BinOp || outer instanceof UnaryOp || outer instanceof Tuple)) {
                return false;
            }
            inner = outer;
        }
    }

    private void finish(RuleContext context) {
        LeakageAnalysis analysis = new LeakageAnalysis(context.semantic(), ImportedModules.of(context),
                CalleeNames.of(context), nodes);
        for (Leak leak : analysis.run()) {
            Fit fit = leak.fit();
            List<RelatedLocation> related = new ArrayList<>();
            if (fit.statistic() != null && fit.statistic().lineno() != fit.at().lineno()) {
                related.add(context.related(fit.statistic(), "the statistic is computed here"));
            }
            if (fit.via() != null) {
                related.add(context.related(fit.via(), "the data reaches the fit through this call"));
            }
            String fitted = fitted(fit, analysis, context);
            String message;
            Severity severity;
            if (leak.fitOnTest()) {
                severity = Severity.ERROR;
                if (leak.split() != null) {
                    related.add(context.related(leak.split().call(), "the data is split here"));
                    message = fitted + "; \"" + leak.testName() + "\" is the test part of the split by "
                            + leak.split().name() + " (" + context.lineLabel(leak.split().call())
                            + "): fit on the training part only and just transform the test part";
                } else {
                    related.add(context.related(leak.testSource(), "the test data comes from here"));
                    boolean itself = leak.testName().equals(LeakageAnalysis.rootFrame(fit.data()));
                    message = fitted + (itself ? ", which is test data (" : ", which contains the test data \""
                            + leak.testName() + "\" (") + context.lineLabel(leak.testSource())
                            + "); fit on the training data only and just transform the test data";
                }
            } else {
                severity = fit.supervised() ? Severity.ERROR : Severity.WARNING;
                if (leak.split().position() != leak.split().call()) {
                    related.add(context.related(leak.split().position(), "the data goes to the split through this call"));
                }
                related.add(context.related(leak.split().call(), leak.split().crossValidation()
                        ? "the data is cross-validated here" : "the data is split here"));
                String splitData = "\"" + analysis.snippet(leak.splitInput()) + "\"";
                message = leak.insideSplitLoop()
                        ? fitted + " inside the loop over the folds of " + splitData + " made by " + leak.split().name()
                                + " (" + context.lineLabel(leak.split().position()) + "), so it has seen each fold's "
                                + "validation rows; fit it on the training rows of the fold only (or use a Pipeline)"
                        : fitted + " before " + splitData + (leak.split().crossValidation()
                        ? " is cross-validated by " + leak.split().name() + " (" + context.lineLabel(leak.split().position())
                                + "); put the preprocessing in a Pipeline so that each fold fits its own"
                        : " is split by " + leak.split().name() + " (" + context.lineLabel(leak.split().position())
                                + (fit.pandasStatistic() ? "); compute it on the training split only"
                                        : "); fit it on the training split only"));
            }
            context.report(fit.at(), severity, message, related);
        }
    }

    /** The first half of a message: what is fitted, on what, where. */
    private static String fitted(Fit fit, LeakageAnalysis analysis, RuleContext context) {
        String data = "\"" + analysis.snippet(fit.data()) + "\"";
        String through = fit.via() == null ? "" : " in " + fit.viaName() + "(), called on "
                + context.lineLabel(fit.via()) + ",";
        if (fit.pandasStatistic()) {
            Located computed = fit.statistic() != null ? fit.statistic() : fit.at();
            String frame = LeakageAnalysis.rootFrame(fit.data());
            String rows = frame == null ? data : "\"" + frame + "\"";
            String applied = computed.lineno() == fit.at().lineno() ? ""
                    : " and applied to the rows on " + context.lineLabel(fit.at());
            return "the statistic " + fit.what() + through
                    + (fit.dataIsOnePart() ? " is computed over rows that include " : " is computed over all rows of ") + rows
                    + " (" + context.lineLabel(computed) + ")" + applied;
        }
        return fit.what() + through + (fit.dataIsOnePart() ? " is fitted on data that includes " : " is fitted on ")
                + data + " (" + context.lineLabel(fit.position()) + ")";
    }
}
