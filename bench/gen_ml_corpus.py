"""Generates the benchmark's ML corpus: Python scripts and Jupyter notebooks of data-science code.

The corpus stands in for a real ML repository: pandas loading and cleaning, feature engineering,
scikit-learn pipelines and searches, PyTorch datasets, models and training loops, evaluation and
plotting, command-line entry points. Each file is assembled from a random choice of sections whose
names, columns, models and hyper-parameters vary, and a share of them carries the pitfalls pitfall
looks for (preprocessing leakage, chained indexing, row iteration, unseeded randomness, mutable
defaults, late-binding closures), as real code does. The output depends only on the seed.

Usage: python3 gen_ml_corpus.py OUT_DIR [--scripts N] [--notebooks N] [--seed S]
Every generated script and notebook cell is checked with compile() before it is written.
"""

import argparse
import json
import random
import re
import shutil
import textwrap
from pathlib import Path

DOMAINS = {
    "churn": (["tenure", "monthly_charges", "total_charges", "num_tickets", "contract_months",
               "age", "support_calls", "data_usage_gb"], "churned", ["plan", "region", "payment_method"]),
    "credit": (["income", "loan_amount", "credit_score", "debt_ratio", "age", "num_accounts",
                "months_employed", "late_payments"], "default", ["purpose", "home_ownership", "grade"]),
    "housing": (["sqft", "bedrooms", "bathrooms", "lot_size", "year_built", "garage_spaces",
                 "distance_to_center", "school_rating"], "price", ["neighborhood", "style", "zoning"]),
    "sensor": (["temperature", "pressure", "humidity", "vibration", "rpm", "voltage", "current",
                "runtime_hours"], "failure", ["machine_type", "site", "shift"]),
    "retail": (["basket_size", "unit_price", "discount", "visits_last_30d", "days_since_last",
                "items_viewed", "cart_adds", "session_minutes"], "purchased", ["channel", "device", "country"]),
    "clinical": (["bmi", "systolic_bp", "diastolic_bp", "glucose", "cholesterol", "heart_rate",
                  "age", "creatinine"], "readmitted", ["sex", "admission_type", "ward"]),
    "energy": (["load_kw", "temp_c", "wind_speed", "solar_irradiance", "hour", "day_of_week",
                "cloud_cover", "price_eur"], "demand_next_hour", ["substation", "tariff", "season"]),
    "fraud": (["amount", "hour_of_day", "merchant_risk", "card_age_days", "txn_count_24h",
               "avg_amount_7d", "distance_km", "velocity"], "is_fraud", ["merchant_category", "entry_mode", "currency"]),
}

SKLEARN_CLASSIFIERS = [
    ("RandomForestClassifier", "sklearn.ensemble", "n_estimators={n}, max_depth={d}"),
    ("GradientBoostingClassifier", "sklearn.ensemble", "n_estimators={n}, learning_rate={lr}"),
    ("LogisticRegression", "sklearn.linear_model", "C={c}, max_iter=1000"),
    ("ExtraTreesClassifier", "sklearn.ensemble", "n_estimators={n}, min_samples_leaf={leaf}"),
    ("SVC", "sklearn.svm", "C={c}, kernel='rbf', probability=True"),
    ("KNeighborsClassifier", "sklearn.neighbors", "n_neighbors={k}"),
    ("HistGradientBoostingClassifier", "sklearn.ensemble", "max_iter={n}, learning_rate={lr}"),
]
SKLEARN_REGRESSORS = [
    ("RandomForestRegressor", "sklearn.ensemble", "n_estimators={n}, max_depth={d}"),
    ("Ridge", "sklearn.linear_model", "alpha={c}"),
    ("GradientBoostingRegressor", "sklearn.ensemble", "n_estimators={n}, learning_rate={lr}"),
    ("Lasso", "sklearn.linear_model", "alpha={c}"),
    ("HistGradientBoostingRegressor", "sklearn.ensemble", "max_iter={n}"),
]
SCALERS = ["StandardScaler", "MinMaxScaler", "RobustScaler"]
ACTIVATIONS = ["nn.ReLU()", "nn.GELU()", "nn.Tanh()", "nn.LeakyReLU(0.1)", "nn.SiLU()"]
OPTIMIZERS = ["torch.optim.Adam", "torch.optim.AdamW", "torch.optim.SGD"]


class Context:
    """The choices one file is built around: its domain, names and models."""

    def __init__(self, rng: random.Random, index: int):
        self.rng = rng
        self.index = index
        self.domain = rng.choice(sorted(DOMAINS))
        numeric, self.target, categorical = DOMAINS[self.domain]
        self.numeric = rng.sample(numeric, rng.randint(4, len(numeric)))
        self.categorical = rng.sample(categorical, rng.randint(1, len(categorical)))
        self.regression = self.target in ("price", "demand_next_hour")
        self.df = rng.choice(["df", "data", "frame", f"{self.domain}_df", "raw", "dataset"])
        self.features = rng.choice(["X", "features", "X_all", "feats"])
        self.labels = rng.choice(["y", "target", "labels", "y_all"])
        self.seed = rng.choice([0, 7, 13, 42, 1234, 2024])
        self.sloppy = rng.random() < 0.45  # carries some of the pitfalls real code has
        pool = SKLEARN_REGRESSORS if self.regression else SKLEARN_CLASSIFIERS
        self.model_name, self.model_module, params = rng.choice(pool)
        self.model_params = params.format(
            n=rng.choice([50, 100, 200, 300, 500]), d=rng.choice([4, 6, 8, 12, "None"]),
            lr=rng.choice([0.01, 0.05, 0.1, 0.2]), c=rng.choice([0.1, 0.5, 1.0, 3.0, 10.0]),
            leaf=rng.choice([1, 2, 5, 10]), k=rng.choice([3, 5, 7, 11, 15]))
        self.scaler = rng.choice(SCALERS)
        self.hidden = rng.choice([32, 64, 128, 256])
        self.layers = rng.randint(1, 4)
        self.epochs = rng.choice([5, 10, 20, 50, 100])
        self.batch = rng.choice([16, 32, 64, 128, 256])
        self.lr = rng.choice(["1e-3", "3e-4", "1e-2", "5e-4"])
        self.csv = f"data/{self.domain}_{rng.choice(['train', 'raw', 'v2', 'export', '2023'])}.csv"

    def pick(self, *options):
        return self.rng.choice(options)

    def cols(self, count=None):
        count = count or self.rng.randint(2, len(self.numeric))
        return self.rng.sample(self.numeric, min(count, len(self.numeric)))


def py_list(names):
    return "[" + ", ".join(repr(n) for n in names) + "]"


def block(text):
    return textwrap.dedent(text).strip("\n") + "\n"


# Each section returns (import lines, code). Imports are collected and put at the top.

def section_config(c):
    imports = {"import os", "from pathlib import Path"}
    if c.pick(True, False):
        imports.add("from dataclasses import dataclass, field")
        code = block(f'''
            @dataclass
            class {c.domain.capitalize()}Config:
                data_path: Path = Path(os.environ.get("DATA_PATH", "{c.csv}"))
                target: str = "{c.target}"
                numeric_features: list = field(default_factory=lambda: {py_list(c.numeric)})
                categorical_features: list = field(default_factory=lambda: {py_list(c.categorical)})
                test_size: float = {c.pick(0.1, 0.2, 0.25, 0.3)}
                seed: int = {c.seed}
                epochs: int = {c.epochs}
                batch_size: int = {c.batch}
                learning_rate: float = {c.lr}
                output_dir: Path = Path("artifacts") / "{c.domain}"

                def ensure_output(self):
                    self.output_dir.mkdir(parents=True, exist_ok=True)
                    return self.output_dir


            CONFIG = {c.domain.capitalize()}Config()
            ''')
    else:
        code = block(f'''
            DATA_PATH = Path(os.environ.get("DATA_PATH", "{c.csv}"))
            TARGET = "{c.target}"
            NUMERIC_FEATURES = {py_list(c.numeric)}
            CATEGORICAL_FEATURES = {py_list(c.categorical)}
            SEED = {c.seed}
            TEST_SIZE = {c.pick(0.1, 0.2, 0.25, 0.3)}
            OUTPUT_DIR = Path("artifacts") / "{c.domain}"
            PARAMS = {{
                "epochs": {c.epochs},
                "batch_size": {c.batch},
                "lr": {c.lr},
                "hidden": {c.hidden},
            }}
            ''')
    return imports, code


def section_load(c):
    imports = {"import pandas as pd", "import numpy as np"}
    kind = c.pick("csv", "parquet", "synthetic", "concat")
    cols = c.numeric + c.categorical
    if kind == "csv":
        code = block(f'''
            def load_data(path="{c.csv}", nrows=None):
                """Read the raw export and normalise column names."""
                frame = pd.read_csv(path, nrows=nrows, low_memory=False)
                frame.columns = [col.strip().lower().replace(" ", "_") for col in frame.columns]
                missing = set({py_list(cols)}) - set(frame.columns)
                if missing:
                    raise ValueError(f"missing columns: {{sorted(missing)}}")
                return frame
            ''')
    elif kind == "parquet":
        code = block(f'''
            def load_data(path="{c.csv.replace('.csv', '.parquet')}", columns={py_list(cols + [c.target])}):
                frame = pd.read_parquet(path, columns=columns)
                for name in {py_list(c.categorical)}:
                    frame[name] = frame[name].astype("category")
                return frame.reset_index(drop=True)
            ''')
    elif kind == "concat":
        imports.add("import glob")
        code = block(f'''
            def load_data(pattern="data/{c.domain}_part_*.csv"):
                parts = []
                for path in sorted(glob.glob(pattern)):
                    part = pd.read_csv(path)
                    part["source_file"] = os.path.basename(path)
                    parts.append(part)
                if not parts:
                    raise FileNotFoundError(pattern)
                return pd.concat(parts, ignore_index=True)
            ''')
        imports.add("import os")
    else:
        rng_line = ("rng = np.random.default_rng(seed)" if not c.sloppy
                    else "np.random.seed(seed)\n    rng = np.random")
        lines = [f'    "{col}": rng.normal({c.rng.randint(0, 100)}, {c.rng.randint(1, 30)}, size=n),'
                 for col in c.numeric]
        lines += [f'    "{col}": rng.choice({py_list([col[:3] + str(i) for i in range(c.rng.randint(2, 6))])}, size=n),'
                  for col in c.categorical]
        body = "\n    ".join(lines)
        code = (f"def load_data(n={c.pick(1000, 5000, 20000)}, seed={c.seed}):\n"
                f"    {rng_line}\n"
                f"    frame = pd.DataFrame({{\n    {body}\n    }})\n"
                f"    logits = {' + '.join(f'{c.rng.uniform(-1, 1):.2f} * frame[{col!r}]' for col in c.numeric[:3])}\n")
        if c.regression:
            code += f"    frame[{c.target!r}] = logits + rng.normal(0, 1, size=n)\n"
        else:
            code += f"    frame[{c.target!r}] = (logits > logits.median()).astype(int)\n"
        code += "    return frame\n"
    return imports, code


def section_clean(c):
    imports = {"import pandas as pd", "import numpy as np"}
    num = c.cols(3)
    lines = [f"def clean({c.df}):", f'    """Drop broken rows and fill gaps in the {c.domain} export."""']
    lines.append(f"    {c.df} = {c.df}.drop_duplicates()")
    lines.append(f"    {c.df} = {c.df}[{c.df}[{c.target!r}].notna()]")
    for col in num:
        fill = c.pick("median()", "mean()", "quantile(0.5)")
        lines.append(f"    {c.df}[{col!r}] = {c.df}[{col!r}].fillna({c.df}[{col!r}].{fill})")
    if c.sloppy and c.rng.random() < 0.6:
        col = num[0]
        lines.append(f"    {c.df}[{c.df}[{col!r}] < 0][{col!r}] = 0")
    else:
        lines.append(f"    {c.df}.loc[{c.df}[{num[0]!r}] < 0, {num[0]!r}] = 0")
    for col in c.categorical:
        lines.append(f"    {c.df}[{col!r}] = {c.df}[{col!r}].fillna('unknown').astype(str).str.lower()")
    clip = num[-1]
    lines.append(f"    low, high = {c.df}[{clip!r}].quantile([0.01, 0.99])")
    lines.append(f"    {c.df}[{clip!r}] = {c.df}[{clip!r}].clip(low, high)")
    if c.rng.random() < 0.3:
        lines.append(f"    {c.df}.dropna(subset={py_list(num[:2])}, inplace=True)")
    lines.append(f"    return {c.df}.reset_index(drop=True)")
    return imports, "\n".join(lines) + "\n"


def section_features(c):
    imports = {"import pandas as pd", "import numpy as np"}
    a, b = c.cols(2)[:2]
    group = c.categorical[0]
    parts = [block(f'''
        def add_features({c.df}):
            {c.df} = {c.df}.copy()
            {c.df}["{a}_per_{b}"] = {c.df}["{a}"] / ({c.df}["{b}"].abs() + 1e-6)
            {c.df}["log_{a}"] = np.log1p({c.df}["{a}"].clip(lower=0))
            {c.df}["{b}_squared"] = {c.df}["{b}"] ** 2
            stats = {c.df}.groupby("{group}")["{a}"].agg(["mean", "std", "count"])
            stats.columns = ["{group}_{a}_mean", "{group}_{a}_std", "{group}_count"]
            {c.df} = {c.df}.merge(stats, left_on="{group}", right_index=True, how="left")
            {c.df}["{a}_zscore_in_{group}"] = (
                ({c.df}["{a}"] - {c.df}["{group}_{a}_mean"]) / {c.df}["{group}_{a}_std"].replace(0, np.nan)
            )
            return {c.df}
        ''')]
    style = c.pick("iterrows", "apply", "vectorized", "itertuples")
    if style == "iterrows" and c.sloppy:
        parts.append(block(f'''
            def flag_outliers({c.df}, threshold={c.pick(2.5, 3.0, 3.5)}):
                flags = []
                for idx, row in {c.df}.iterrows():
                    value = row["{a}_zscore_in_{group}"]
                    flags.append(1 if abs(value) > threshold else 0)
                {c.df}["is_outlier"] = flags
                return {c.df}
            '''))
    elif style == "apply":
        parts.append(block(f'''
            def bucketize({c.df}, edges=(0, 10, 100, 1000)):
                {c.df}["{a}_bucket"] = {c.df}["{a}"].apply(
                    lambda value: next((i for i, edge in enumerate(edges) if value < edge), len(edges))
                )
                return {c.df}
            '''))
    elif style == "itertuples":
        parts.append(block(f'''
            def summarize_by_{group}({c.df}):
                totals = {{}}
                for record in {c.df}.itertuples(index=False):
                    key = getattr(record, "{group}")
                    totals.setdefault(key, []).append(getattr(record, "{a}"))
                return {{key: float(np.mean(values)) for key, values in totals.items()}}
            '''))
    else:
        parts.append(block(f'''
            def flag_outliers({c.df}, threshold={c.pick(2.5, 3.0, 3.5)}):
                {c.df}["is_outlier"] = ({c.df}["{a}_zscore_in_{group}"].abs() > threshold).astype(int)
                return {c.df}
            '''))
    if c.rng.random() < 0.4:
        window = c.pick(3, 7, 14, 30)
        parts.append(block(f'''
            def rolling_features({c.df}, key="{group}", window={window}):
                {c.df} = {c.df}.sort_values(key)
                grouped = {c.df}.groupby(key)["{b}"]
                {c.df}["{b}_roll_mean"] = grouped.transform(lambda s: s.rolling(window, min_periods=1).mean())
                {c.df}["{b}_roll_max"] = grouped.transform(lambda s: s.rolling(window, min_periods=1).max())
                {c.df}["{b}_diff"] = grouped.diff().fillna(0)
                return {c.df}
            '''))
    return imports, "\n\n".join(parts)


def section_sklearn(c):
    imports = {
        "import numpy as np",
        "import pandas as pd",
        "from sklearn.model_selection import train_test_split",
        f"from sklearn.preprocessing import {c.scaler}, OneHotEncoder",
        f"from {c.model_module} import {c.model_name}",
        "from sklearn.compose import ColumnTransformer",
        "from sklearn.pipeline import Pipeline",
    }
    metric = "r2_score" if c.regression else c.pick("accuracy_score", "f1_score", "roc_auc_score")
    imports.add(f"from sklearn.metrics import {metric}")
    split_seed = "" if (c.sloppy and c.rng.random() < 0.5) else f", random_state={c.seed}"
    stratify = "" if c.regression else f", stratify={c.labels}"
    if c.sloppy and c.rng.random() < 0.6:
        code = block(f'''
            def train_model({c.df}):
                {c.features} = {c.df}[{py_list(c.numeric)}].values
                {c.labels} = {c.df}["{c.target}"].values
                scaler = {c.scaler}()
                {c.features} = scaler.fit_transform({c.features})
                X_train, X_test, y_train, y_test = train_test_split(
                    {c.features}, {c.labels}, test_size=0.2{split_seed}
                )
                model = {c.model_name}({c.model_params})
                model.fit(X_train, y_train)
                predictions = model.predict(X_test)
                score = {metric}(y_test, predictions)
                print(f"{c.model_name} {metric}: {{score:.4f}}")
                return model, scaler, score
            ''')
    else:
        code = block(f'''
            def build_pipeline():
                numeric = Pipeline([("scale", {c.scaler}())])
                categorical = Pipeline([("encode", OneHotEncoder(handle_unknown="ignore"))])
                preprocess = ColumnTransformer([
                    ("num", numeric, {py_list(c.numeric)}),
                    ("cat", categorical, {py_list(c.categorical)}),
                ])
                return Pipeline([
                    ("preprocess", preprocess),
                    ("model", {c.model_name}({c.model_params})),
                ])


            def train_model({c.df}):
                {c.features} = {c.df}[{py_list(c.numeric + c.categorical)}]
                {c.labels} = {c.df}["{c.target}"]
                X_train, X_test, y_train, y_test = train_test_split(
                    {c.features}, {c.labels}, test_size=0.2{split_seed}{stratify}
                )
                pipeline = build_pipeline()
                pipeline.fit(X_train, y_train)
                score = {metric}(y_test, pipeline.predict(X_test))
                print(f"held-out {metric} = {{score:.4f}}")
                return pipeline, score
            ''')
    if c.rng.random() < 0.5:
        imports.add("from sklearn.model_selection import GridSearchCV, KFold")
        grid_key = c.pick("n_estimators", "max_depth", "C", "alpha", "learning_rate")
        values = c.pick("[50, 100, 200]", "[0.01, 0.1, 1.0]", "[3, 5, 8, None]")
        code += "\n\n" + block(f'''
            def tune(estimator, {c.features}, {c.labels}, folds={c.pick(3, 5, 10)}):
                search = GridSearchCV(
                    estimator,
                    param_grid={{"model__{grid_key}": {values}}},
                    cv=KFold(n_splits=folds, shuffle=True, random_state={c.seed}),
                    scoring="{'r2' if c.regression else 'accuracy'}",
                    n_jobs=-1,
                )
                search.fit({c.features}, {c.labels})
                for params, mean, std in zip(
                    search.cv_results_["params"],
                    search.cv_results_["mean_test_score"],
                    search.cv_results_["std_test_score"],
                ):
                    print(f"{{mean:.3f}} +/- {{std:.3f}} for {{params}}")
                return search.best_estimator_, search.best_params_
            ''')
    if c.rng.random() < 0.4:
        imports.add("from sklearn.model_selection import cross_val_score")
        code += "\n\n" + block(f'''
            def compare_models({c.features}, {c.labels}, candidates=None):
                candidates = candidates or {{}}
                results = {{}}
                for name, estimator in candidates.items():
                    scores = cross_val_score(estimator, {c.features}, {c.labels}, cv={c.pick(3, 5)})
                    results[name] = (scores.mean(), scores.std())
                    print(f"{{name:>24}}: {{scores.mean():.4f}} (+/- {{scores.std() * 2:.4f}})")
                best = max(results, key=lambda key: results[key][0])
                return best, results
            ''')
    return imports, code


def section_torch_data(c):
    imports = {"import torch", "from torch.utils.data import Dataset, DataLoader", "import numpy as np"}
    name = f"{c.domain.capitalize()}Dataset"
    code = block(f'''
        class {name}(Dataset):
            """Rows of the {c.domain} table as float tensors."""

            def __init__(self, frame, feature_columns, target_column="{c.target}", transform=None):
                self.features = torch.tensor(frame[feature_columns].values, dtype=torch.float32)
                self.targets = torch.tensor(frame[target_column].values, dtype=torch.float32)
                self.transform = transform

            def __len__(self):
                return len(self.targets)

            def __getitem__(self, index):
                sample = self.features[index]
                if self.transform is not None:
                    sample = self.transform(sample)
                return sample, self.targets[index]


        def make_loaders(train_frame, valid_frame, columns, batch_size={c.batch}):
            train_set = {name}(train_frame, columns)
            valid_set = {name}(valid_frame, columns)
            return (
                DataLoader(train_set, batch_size=batch_size, shuffle=True, num_workers={c.pick(0, 2, 4)}),
                DataLoader(valid_set, batch_size=batch_size * 2, shuffle=False),
            )
        ''')
    return imports, code


def section_torch_model(c):
    imports = {"import torch", "import torch.nn as nn"}
    activation = c.rng.choice(ACTIVATIONS)
    name = c.pick("MLP", "TabularNet", f"{c.domain.capitalize()}Net", "FeedForward")
    dropout = c.pick(0.0, 0.1, 0.2, 0.3, 0.5)
    out = 1
    code = block(f'''
        class {name}(nn.Module):
            def __init__(self, in_features, hidden={c.hidden}, depth={c.layers}, dropout={dropout}):
                super().__init__()
                layers = []
                width = in_features
                for _ in range(depth):
                    layers += [nn.Linear(width, hidden), nn.BatchNorm1d(hidden), {activation}, nn.Dropout(dropout)]
                    width = hidden
                self.body = nn.Sequential(*layers)
                self.head = nn.Linear(width, {out})

            def forward(self, x):
                return self.head(self.body(x)).squeeze(-1)
        ''')
    if c.rng.random() < 0.35:
        code += "\n\n" + block(f'''
            class ResidualBlock(nn.Module):
                def __init__(self, width, dropout={dropout}):
                    super().__init__()
                    self.norm = nn.LayerNorm(width)
                    self.linear1 = nn.Linear(width, width * {c.pick(2, 4)})
                    self.linear2 = nn.Linear(width * {c.pick(2, 4)}, width)
                    self.drop = nn.Dropout(dropout)

                def forward(self, x):
                    residual = x
                    x = self.norm(x)
                    x = torch.relu(self.linear1(x))
                    x = self.drop(self.linear2(x)) if x.shape[-1] == self.linear2.in_features else x
                    return x + residual
            ''')
    c.torch_model = name
    return imports, code


def section_torch_train(c):
    imports = {"import torch", "import torch.nn as nn", "import time"}
    loss = "nn.MSELoss()" if c.regression else "nn.BCEWithLogitsLoss()"
    optimizer = c.rng.choice(OPTIMIZERS)
    extra = ", momentum=0.9" if optimizer.endswith("SGD") else ""
    accumulate = "total_loss += loss" if (c.sloppy and c.rng.random() < 0.5) else "total_loss += loss.item() * len(batch_y)"
    scheduler = c.pick("StepLR(optimizer, step_size=10, gamma=0.5)", "CosineAnnealingLR(optimizer, T_max=epochs)",
                       "ReduceLROnPlateau(optimizer, patience=2)")
    scheduler_step = "scheduler.step(valid_loss)" if scheduler.startswith("ReduceLROnPlateau") else "scheduler.step()"
    evaluate_guard = "with torch.no_grad():" if not (c.sloppy and c.rng.random() < 0.4) else "if True:"
    code = block(f'''
        def train_epoch(model, loader, optimizer, criterion, device):
            model.train()
            total_loss = 0.0
            for batch_x, batch_y in loader:
                batch_x, batch_y = batch_x.to(device), batch_y.to(device)
                optimizer.zero_grad()
                output = model(batch_x)
                loss = criterion(output, batch_y)
                loss.backward()
                torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm={c.pick(1.0, 5.0)})
                optimizer.step()
                {accumulate}
            return total_loss / len(loader.dataset)


        def evaluate(model, loader, criterion, device):
            model.eval()
            losses, outputs = [], []
            {evaluate_guard}
                for batch_x, batch_y in loader:
                    batch_x, batch_y = batch_x.to(device), batch_y.to(device)
                    output = model(batch_x)
                    losses.append(criterion(output, batch_y).item())
                    outputs.append(output.cpu())
            return sum(losses) / max(len(losses), 1), torch.cat(outputs)


        def fit(model, train_loader, valid_loader, epochs={c.epochs}, lr={c.lr}, patience={c.pick(3, 5, 10)}):
            device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
            model = model.to(device)
            criterion = {loss}
            optimizer = {optimizer}(model.parameters(), lr=lr{extra})
            scheduler = torch.optim.lr_scheduler.{scheduler}
            best, waited, history = float("inf"), 0, []
            for epoch in range(epochs):
                started = time.time()
                train_loss = train_epoch(model, train_loader, optimizer, criterion, device)
                valid_loss, _ = evaluate(model, valid_loader, criterion, device)
                {scheduler_step}
                history.append({{"epoch": epoch, "train": train_loss, "valid": valid_loss}})
                print(f"epoch {{epoch:3d}} train {{train_loss:.4f}} valid {{valid_loss:.4f}} ({{time.time() - started:.1f}}s)")
                if valid_loss < best - 1e-4:
                    best, waited = valid_loss, 0
                    torch.save(model.state_dict(), "best_{c.domain}.pt")
                else:
                    waited += 1
                    if waited >= patience:
                        print("early stopping")
                        break
            return history
        ''')
    if c.rng.random() < 0.5:
        seed_code = (f"torch.manual_seed({c.seed})\n    np.random.seed({c.seed})\n    random.seed({c.seed})"
                     if not c.sloppy else f"torch.manual_seed({c.seed})")
        imports |= {"import random", "import numpy as np"}
        code = f"def set_seed():\n    {seed_code}\n\n\n" + code
    return imports, code


def section_eval(c):
    imports = {"import numpy as np", "import matplotlib.pyplot as plt"}
    if c.regression:
        imports.add("from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score")
        code = block(f'''
            def report(y_true, y_pred, label="{c.domain}"):
                mae = mean_absolute_error(y_true, y_pred)
                rmse = np.sqrt(mean_squared_error(y_true, y_pred))
                r2 = r2_score(y_true, y_pred)
                print(f"[{{label}}] MAE={{mae:.3f}} RMSE={{rmse:.3f}} R2={{r2:.3f}}")
                fig, axes = plt.subplots(1, 2, figsize=({c.pick(10, 12)}, 4))
                axes[0].scatter(y_true, y_pred, s=4, alpha=0.4)
                axes[0].plot([min(y_true), max(y_true)], [min(y_true), max(y_true)], "r--")
                axes[0].set_xlabel("actual {c.target}")
                axes[0].set_ylabel("predicted")
                axes[1].hist(np.asarray(y_true) - np.asarray(y_pred), bins={c.pick(30, 50, 80)})
                axes[1].set_title("residuals")
                fig.tight_layout()
                fig.savefig(f"{{label}}_residuals.png", dpi=120)
                return {{"mae": mae, "rmse": rmse, "r2": r2}}
            ''')
    else:
        imports.add("from sklearn.metrics import classification_report, confusion_matrix, roc_auc_score, roc_curve")
        code = block(f'''
            def report(y_true, scores, threshold={c.pick(0.3, 0.5, 0.6)}, label="{c.domain}"):
                y_pred = (np.asarray(scores) >= threshold).astype(int)
                print(classification_report(y_true, y_pred, digits=3))
                matrix = confusion_matrix(y_true, y_pred)
                auc = roc_auc_score(y_true, scores)
                fpr, tpr, _ = roc_curve(y_true, scores)
                fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
                left.imshow(matrix, cmap="{c.pick('Blues', 'viridis', 'Greens')}")
                for (i, j), count in np.ndenumerate(matrix):
                    left.text(j, i, str(count), ha="center", va="center")
                left.set_title("confusion matrix")
                right.plot(fpr, tpr, label=f"AUC = {{auc:.3f}}")
                right.plot([0, 1], [0, 1], "k--", linewidth=0.8)
                right.legend(loc="lower right")
                fig.savefig(f"{{label}}_roc.png", dpi=120)
                plt.close(fig)
                return {{"auc": auc, "tn_fp_fn_tp": matrix.ravel().tolist()}}
            ''')
    return imports, code


def section_utils(c):
    imports = {"import logging", "import json", "import functools", "import time"}
    parts = []
    if c.sloppy and c.rng.random() < 0.6:
        parts.append(block(f'''
            def log_metrics(name, value, history=[]):
                history.append((name, value))
                logging.info("%s=%.4f", name, value)
                return history
            '''))
    else:
        parts.append(block('''
            def log_metrics(name, value, history=None):
                history = [] if history is None else history
                history.append((name, value))
                logging.info("%s=%.4f", name, value)
                return history
            '''))
    if c.sloppy and c.rng.random() < 0.5:
        parts.append(block(f'''
            def make_thresholders(cutoffs={py_list([0.2, 0.4, 0.6])}):
                checks = []
                for cutoff in cutoffs:
                    checks.append(lambda score: score >= cutoff)
                return checks
            '''))
    else:
        parts.append(block('''
            def make_thresholders(cutoffs=(0.2, 0.4, 0.6)):
                return [functools.partial(lambda score, cutoff: score >= cutoff, cutoff=cutoff) for cutoff in cutoffs]
            '''))
    parts.append(block('''
        def timed(function):
            @functools.wraps(function)
            def wrapper(*args, **kwargs):
                started = time.perf_counter()
                try:
                    return function(*args, **kwargs)
                finally:
                    logging.debug("%s took %.3fs", function.__name__, time.perf_counter() - started)
            return wrapper


        def save_json(payload, path):
            with open(path, "w", encoding="utf-8") as handle:
                json.dump(payload, handle, indent=2, sort_keys=True, default=str)
        '''))
    if c.rng.random() < 0.4:
        parts.append(block(f'''
            class EarlyStopping:
                def __init__(self, patience={c.pick(3, 5, 8)}, min_delta={c.pick("0.0", "1e-4", "1e-3")}):
                    self.patience = patience
                    self.min_delta = min_delta
                    self.best = None
                    self.count = 0

                def __call__(self, metric):
                    if self.best is None or metric < self.best - self.min_delta:
                        self.best, self.count = metric, 0
                        return False
                    self.count += 1
                    return self.count >= self.patience
            '''))
    if c.rng.random() < 0.3:
        imports.add("import random")
        sample = ("random.sample(items, k)" if c.sloppy else f"random.Random({c.seed}).sample(items, k)")
        parts.append(block(f'''
            def subsample(items, k={c.pick(100, 500, 1000)}):
                if len(items) <= k:
                    return list(items)
                return {sample}
            '''))
    return imports, "\n\n".join(parts)


def section_main(c):
    imports = {"import argparse", "import logging"}
    steps = [f"{c.df} = load_data()", f"{c.df} = clean({c.df})", f"{c.df} = add_features({c.df})"]
    steps.append(f"result = train_model({c.df})")
    body = "\n    ".join(steps)
    code = (block(f'''
        def parse_args(argv=None):
            parser = argparse.ArgumentParser(description="Train the {c.domain} model.")
            parser.add_argument("--data", default="{c.csv}")
            parser.add_argument("--epochs", type=int, default={c.epochs})
            parser.add_argument("--seed", type=int, default={c.seed})
            parser.add_argument("--verbose", action="store_true")
            return parser.parse_args(argv)
        ''') + "\n\n"
        + f"def main(argv=None):\n    args = parse_args(argv)\n"
        + "    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)\n"
        + f"    {body}\n    logging.info(\"done: %s\", result)\n    return 0\n\n\n"
        + 'if __name__ == "__main__":\n    raise SystemExit(main())\n')
    return imports, code


def sort_imports(imports):
    plain = sorted(i for i in imports if i.startswith("import "))
    froms = sorted(i for i in imports if i.startswith("from "))
    return "\n".join(plain + froms) + "\n"


def make_script(c):
    sections = [section_config, section_load, section_clean, section_features]
    ml = c.pick("sklearn", "torch", "both", "sklearn")
    if ml in ("sklearn", "both"):
        sections.append(section_sklearn)
    if ml in ("torch", "both"):
        sections += [section_torch_data, section_torch_model, section_torch_train]
    sections += [section_eval, section_utils]
    if ml != "torch":
        sections.append(section_main)
    imports, bodies = set(), []
    for section in sections:
        extra, code = section(c)
        imports |= extra
        bodies.append(code)
    docstring = f'"""{c.domain.capitalize()} {c.target} model: {ml} training script #{c.index}."""\n\n'
    return docstring + sort_imports(imports) + "\n\n" + "\n\n".join(bodies)


def make_notebook(c):
    cells = []

    def markdown(text):
        cells.append({"cell_type": "markdown", "metadata": {}, "source": text.splitlines(keepends=True)})

    def code(text):
        cells.append({"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
                      "source": text.rstrip("\n").splitlines(keepends=True)})

    markdown(f"# {c.domain.capitalize()}: predicting `{c.target}`\n\nExploration and a first model.")
    if c.rng.random() < 0.5:
        code(f"!pip install -q {c.pick('lightgbm', 'shap', 'seaborn', 'optuna')}")
    code("%matplotlib inline\n%load_ext autoreload\n%autoreload 2")
    sections = [section_config, section_load, section_clean, section_features]
    sections.append(c.pick(section_sklearn, section_torch_model))
    sections += [section_eval, section_utils]
    imports, bodies = set(), []
    for section in sections:
        extra, body = section(c)
        imports |= extra
        bodies.append(body)
    code(sort_imports(imports) + "\npd.set_option(\"display.max_columns\", 50)")
    for section, body in zip(sections, bodies):
        markdown(f"## {section.__name__.replace('section_', '').capitalize()}")
        code(body)
        if section is section_load:
            code(f"{c.df} = load_data()\n{c.df}.head()")
            code(f"{c.df}.describe(include='all').T")
            code(f"{c.df}['{c.target}'].value_counts(normalize=True)")
        elif section is section_clean:
            code(f"%%time\n{c.df} = clean({c.df})\nprint({c.df}.shape)")
            code(f"{c.df}.isna().mean().sort_values(ascending=False).head(10)")
        elif section is section_features:
            code(f"{c.df} = add_features({c.df})\n{c.df}.filter(like='{c.numeric[0]}').head()")
            code(f"{c.df}[{py_list(c.numeric[:4])}].corr().round(2)")
            if c.sloppy:
                code(f"for i in range(len({c.df})):\n    if {c.df}['{c.numeric[0]}'][i] < 0:\n"
                     f"        {c.df}['{c.numeric[0]}'][i] = 0")
        elif section is section_sklearn:
            code(f"result = train_model({c.df})\nresult")
    code(f"# TODO: try a calibrated model\n{c.df}.sample({c.pick(5, 10)})")
    return {
        "cells": cells,
        "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                     "language_info": {"name": "python", "version": "3.11"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }


MAGIC = re.compile(r"^\s*(%|!)")


def check_script(name, source):
    compile(source, name, "exec")


def check_notebook(name, notebook):
    for number, cell in enumerate(notebook["cells"], 1):
        if cell["cell_type"] == "code":
            text = "".join(cell["source"])
            neutral = "\n".join("#" + line if MAGIC.match(line) else line for line in text.split("\n"))
            compile(neutral, f"{name} cell {number}", "exec")


def count_lines(text):
    return text.count("\n") + (0 if text.endswith("\n") or not text else 1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--scripts", type=int, default=100)
    parser.add_argument("--notebooks", type=int, default=30)
    parser.add_argument("--seed", type=int, default=20240613)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    if args.out.exists():
        shutil.rmtree(args.out)
    projects = ["churn_model", "credit_risk", "forecasting", "experiments", "notebooks", "pipelines"]
    total_lines = 0
    for index in range(args.scripts):
        c = Context(rng, index)
        folder = args.out / rng.choice(projects[:-1]) / rng.choice(["", "src", "train", "models"])
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{c.domain}_{rng.choice(['train', 'model', 'pipeline', 'experiment', 'baseline'])}_{index:03d}.py"
        source = make_script(c)
        check_script(name, source)
        (folder / name).write_text(source, encoding="utf-8")
        total_lines += count_lines(source)
    for index in range(args.notebooks):
        c = Context(rng, index)
        folder = args.out / "notebooks" / c.domain
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{index:02d}_{c.domain}_{rng.choice(['eda', 'baseline', 'modeling', 'analysis'])}.ipynb"
        notebook = make_notebook(c)
        check_notebook(name, notebook)
        (folder / name).write_text(json.dumps(notebook, indent=1) + "\n", encoding="utf-8")
        total_lines += sum(count_lines("".join(cell["source"])) for cell in notebook["cells"]
                           if cell["cell_type"] == "code")
    print(f"{args.scripts} scripts and {args.notebooks} notebooks, {total_lines} lines of code in {args.out}")


if __name__ == "__main__":
    main()
