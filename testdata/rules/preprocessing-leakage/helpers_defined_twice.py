# A notebook exported as a script often defines its helpers again further down. A call inside a
# helper then may reach either definition; when both return statistics of the frame passed in,
# the capping they drive has seen every row.
import pandas as pd
from sklearn.model_selection import train_test_split

df = pd.read_csv("diabetes.csv")


def outlier_thresholds(dataframe, col_name, q1=0.25, q3=0.75):
    quartile1 = dataframe[col_name].quantile(q1)
    quartile3 = dataframe[col_name].quantile(q3)
    interquantile_range = quartile3 - quartile1
    return quartile1 - 1.5 * interquantile_range, quartile3 + 1.5 * interquantile_range


def replace_with_thresholds(dataframe, variable):
    low_limit, up_limit = outlier_thresholds(dataframe, variable)
    dataframe.loc[(dataframe[variable] < low_limit), variable] = low_limit  # expect: preprocessing-leakage
    dataframe.loc[(dataframe[variable] > up_limit), variable] = up_limit  # expect: preprocessing-leakage


replace_with_thresholds(df, "Insulin")


def outlier_thresholds(dataframe, col_name, q1=0.05, q3=0.95):
    quartile1 = dataframe[col_name].quantile(q1)
    quartile3 = dataframe[col_name].quantile(q3)
    interquantile_range = quartile3 - quartile1
    return quartile1 - 1.5 * interquantile_range, quartile3 + 1.5 * interquantile_range


# Fine: a second helper that caps at fixed limits uses no statistic, whichever definition runs.
def cap_at(dataframe, variable, low_limit=0, up_limit=300):
    dataframe.loc[(dataframe[variable] > up_limit), variable] = up_limit


def fixed_limits(dataframe, variable):
    return 0, 300


def fixed_limits(dataframe, variable):
    return 0, 250


def replace_with_fixed_limits(dataframe, variable):
    low_limit, up_limit = fixed_limits(dataframe, variable)
    dataframe.loc[(dataframe[variable] > up_limit), variable] = up_limit


cap_at(df, "Glucose")
replace_with_fixed_limits(df, "BMI")

X = df.drop(["Outcome"], axis=1)
y = df["Outcome"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=17)
