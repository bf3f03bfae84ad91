# Own case: in a method, self is an instance of its class, whatever attributes the method reads
# from it. self.columns and self.index here made self look like a DataFrame, and writes into
# self's own dict like chained assignments (found in pandas' Styler). A plain function's
# parameter used the same way is still taken for a DataFrame.
import pandas as pd


class CellFormatter:
    def __init__(self, frame: pd.DataFrame):
        self.data = frame
        self.index = frame.index
        self.columns = frame.columns
        self._formatters = {}

    def format(self, formatter, column_positions, row_positions):
        for ci in column_positions:
            wrapped = formatter.get(self.columns[ci], str)
            for ri in row_positions:
                self._formatters[(ri, ci)] = wrapped
        return self

    @classmethod
    def empty(cls):
        made = cls(pd.DataFrame())
        made._formatters["default"] = str
        return made

    def clear(self):
        self._formatters.clear()
        self.index.names = [None]


def clip_negatives(frame):
    for column in frame.columns:
        frame[column][frame[column] < 0] = 0  # expect: chained-indexing
    return frame
