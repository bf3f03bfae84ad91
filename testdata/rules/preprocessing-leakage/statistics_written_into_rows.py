# A statistic of all rows written into some of them: mean imputation through .loc, or capping at
# outlier limits computed from quantiles, directly or through helpers such as the common
# outlier_thresholds / replace_with_thresholds pair. Written before the split, it has seen the
# test rows. Arithmetic on statistics alone (a limit, a threshold) applies them to no rows.
import pandas as pd
from sklearn.model_selection import train_test_split

df = pd.read_csv("diabetes.csv")

# Leaky: mean imputation written through .loc and through a chained selection.
df.loc[df["Age"].isnull(), "Age"] = df["Age"].mean()  # expect: preprocessing-leakage
median_bmi = df["BMI"].median()
df["BMI"][df["BMI"] == 0] = median_bmi  # expect: preprocessing-leakage

# Leaky: capped at limits derived from quantiles of every row.
q1 = df["Insulin"].quantile(0.25)
q3 = df["Insulin"].quantile(0.75)
iqr = q3 - q1
up = q3 + 1.5 * iqr
low = q1 - 1.5 * iqr
df.loc[df["Insulin"] > up, "Insulin"] = up  # expect: preprocessing-leakage
df.loc[df["Insulin"] < low, "Insulin"] = low  # expect: preprocessing-leakage


def outlier_thresholds(dataframe, col_name, q1=0.05, q3=0.95):
    quartile1 = dataframe[col_name].quantile(q1)
    quartile3 = dataframe[col_name].quantile(q3)
    interquantile_range = quartile3 - quartile1
    return quartile1 - 1.5 * interquantile_range, quartile3 + 1.5 * interquantile_range


def check_outlier(dataframe, col_name):
    # Never called: its argument says nothing about what outlier_thresholds is given.
    low_limit, up_limit = outlier_thresholds(dataframe, col_name)
    return dataframe[(dataframe[col_name] > up_limit) | (dataframe[col_name] < low_limit)].any(axis=None)


def replace_with_thresholds(dataframe, variable):
    low_limit, up_limit = outlier_thresholds(dataframe, variable)
    dataframe.loc[(dataframe[variable] < low_limit), variable] = low_limit  # expect: preprocessing-leakage
    dataframe.loc[(dataframe[variable] > up_limit), variable] = up_limit  # expect: preprocessing-leakage


# Leaky: through the helpers, for each column of a loop.
for col in ["Glucose", "SkinThickness"]:
    replace_with_thresholds(df, col)

# Leaky: each numeric column filled with its own median, the column named by the loop.
for column in df.select_dtypes("number").columns:
    df[column] = df[column].fillna(df[column].median())  # expect: preprocessing-leakage

# Fine: a threshold from statistics, used to look at the outliers, changes no row.
threshold = df["Glucose"].mean() + 3 * df["Glucose"].std()
print(df[df["Glucose"] > threshold].shape)
# Fine: a whole column set to one number is a constant, which teaches a model nothing.
df["global_mean_age"] = df["Age"].mean()
# Fine: a limit from constants only.
df.loc[df["Pregnancies"] > 10, "Pregnancies"] = 10 * 1

X = df.drop(["Outcome"], axis=1)
y = df["Outcome"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=17)

# Fine: limits learnt from the training rows, written into the test rows.
train_cap = X_train["Insulin"].quantile(0.99)
X_train.loc[X_train["Insulin"] > train_cap, "Insulin"] = train_cap
X_test.loc[X_test["Insulin"] > train_cap, "Insulin"] = train_cap
X_test.loc[X_test["Age"].isnull(), "Age"] = X_train["Age"].mean()

# Fine: the share of missing values over train and test together, for a report: a statistic
# divided by a count changes no row.
holdout = pd.read_csv("diabetes_holdout.csv")
everything = pd.concat([df, holdout])
missing_share = everything.isnull().sum() / everything.shape[0] * 100
print(missing_share.sort_values(ascending=False))
