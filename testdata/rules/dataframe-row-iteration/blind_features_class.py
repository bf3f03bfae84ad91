from dataclasses import dataclass
from typing import List

import pandas as pd


@dataclass
class Trip:
    start: str
    end: str
    minutes: float


class TripFeatureBuilder:
    def __init__(self, path: str):
        self.df = pd.read_parquet(path)

    def to_objects(self) -> List[Trip]:
        out = []
        for row in self.df.itertuples(index=False):  # expect: dataframe-row-iteration
            out.append(Trip(row.start_station, row.end_station, row.duration / 60))
        return out

    def distances(self, stations: pd.DataFrame):
        dist = []
        for idx in self.df.index:  # expect: dataframe-row-iteration
            s = self.df.at[idx, "start_station"]
            e = self.df.at[idx, "end_station"]
            dist.append(abs(stations.loc[s, "x"] - stations.loc[e, "x"]))
        self.df["dist"] = dist
        return self

    def speed(self):
        self.df["speed"] = self.df["dist"] / self.df["duration"]
        return self


def summarize(trips: pd.DataFrame) -> dict:
    summary = {}
    for station, g in trips.groupby("start_station"):
        summary[station] = g["duration"].median()
    return summary


def slow_flags(trips: pd.DataFrame):
    flags = []
    for i in range(trips.shape[0]):  # expect: dataframe-row-iteration
        flags.append(trips.iloc[i]["duration"] > 3600)
    return flags


builder = TripFeatureBuilder("trips.parquet")
stations = pd.read_csv("stations.csv", index_col="id")
builder.distances(stations).speed()
print(summarize(builder.df))
print(sum(slow_flags(builder.df)))
