# Metrics tables and reporting (realistic evaluation file): chains through iloc and describe.
import numpy as np
import pandas as pd

results = pd.read_csv("cv_results.csv")
summary = results.describe()

# Broken writes.
results.iloc[0]["note"] = "baseline"  # expect: chained-indexing
results[["fold", "auc"]][results["auc"] < 0.5] = np.nan  # expect: chained-indexing
results.loc[:, "auc"][results["fold"] == 0] = 0.0  # expect: chained-indexing
results.iloc[:, 1][results["fold"] == 4] = -1  # expect: chained-indexing
results["model"].iloc[3] = "lgbm"  # expect: chained-indexing
results["auc"].clip(0, 1, inplace=True)  # expect: chained-indexing

# Reads.
mean_auc = summary["auc"]["mean"]  # expect: chained-indexing
best_row = results.loc[results["auc"].idxmax()]
best_fold = best_row["fold"]
first_auc = results["auc"].iloc[0]
n_folds = results.shape[0]
first_col = results.columns[0]
initial = results["model"].str[0]
auc_values = results["auc"].values[:3]
per_model = results.groupby("model")["auc"].mean()
lgbm_auc = per_model["lgbm"]
tops = {m: g.nlargest(1, "auc") for m, g in results.groupby("model")}
tops["lgbm"]["auc"] = 1.0
table = results.pivot_table(index="model", columns="fold", values="auc")
table.loc["lgbm", 0] = np.nan
matrix = table.to_numpy()
matrix[0][1] = 0.0
results = results.assign(rank=results["auc"].rank(ascending=False))
results.loc[results["rank"] == 1, "note"] = "best"
