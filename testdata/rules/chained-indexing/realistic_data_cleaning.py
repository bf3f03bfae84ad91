# Sensor data cleaning script (realistic evaluation file): chained assignments next to
# the correct .loc forms, dict/numpy/list indexing that only looks similar.
import json
import sys

import numpy as np
import pandas as pd

with open(sys.argv[1] if len(sys.argv) > 1 else "config.json") as fh:
    config = json.load(fh)

threshold = config["cleaning"]["max_temperature"]
columns = config["columns"]["numeric"]

readings = pd.read_csv(config["paths"]["raw"], parse_dates=["timestamp"])
readings = readings.sort_values("timestamp").reset_index(drop=True)

# Broken: these write to a temporary copy.
readings["temperature"][readings["temperature"] > threshold] = np.nan  # expect: chained-indexing
readings[readings["sensor"] == "S-07"]["humidity"] = 0  # expect: chained-indexing
readings.loc[readings["status"] == "fault"]["temperature"] = np.nan  # expect: chained-indexing
readings["pressure"].fillna(method="ffill", inplace=True)  # expect: chained-indexing
readings["status"].replace({"ERR": "fault"}, inplace=True)  # expect: chained-indexing

# Correct.
readings.loc[readings["humidity"] < 0, "humidity"] = np.nan
readings["humidity"] = readings["humidity"].interpolate(limit=3)
readings.loc[:, columns] = readings[columns].clip(lower=-50)
readings.at[0, "status"] = "start"
first_reading = readings["temperature"].iloc[0]
last_time = readings["timestamp"].iloc[-1]
daily = readings.set_index("timestamp").resample("D")[columns].mean()
subset = readings[readings["sensor"] == "S-01"].copy()
subset["humidity"] = subset["humidity"].rolling(5).mean()
subset["temperature"].fillna(0)

# Look-alikes that are not pandas chains.
matrix = readings[columns].to_numpy()
matrix[:, 0][matrix[:, 0] > threshold] = threshold
grid = [[0] * 4 for _ in range(4)]
grid[1][2] = 5
report = {"rows": {}, "sensors": {}}
report["rows"]["total"] = len(readings)
report["sensors"]["S-01"] = {"mean": subset["humidity"].mean()}
frames = {"raw": readings, "subset": subset}
frames["subset"]["tag"] = "s1"
by_sensor = [g for _, g in readings.groupby("sensor")]
by_sensor[0]["rank"] = 1
for idx, row in readings.head(3).iterrows():
    print(row["sensor"][0], row["status"])

# Chained read of two plain subscripts: a lower-severity warning.
print(readings["temperature"][0])  # expect: chained-indexing
readings.to_parquet(config["paths"]["clean"])
