# Image-classification dataset and inference post-processing (realistic evaluation file).
import os
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from PIL import Image
from torch.utils.data import DataLoader, Dataset
from tqdm.auto import tqdm


class LeafDataset(Dataset):
    def __init__(self, csv_path: str, image_dir: str, transform=None):
        self.df = pd.read_csv(csv_path)
        self.image_dir = Path(image_dir)
        self.transform = transform
        self.labels = self.df["label"].values

    def __len__(self):
        return len(self.df)

    def __getitem__(self, idx):
        row = self.df.iloc[idx]
        image = Image.open(self.image_dir / row["image_id"]).convert("RGB")
        if self.transform is not None:
            image = self.transform(image)
        return image, torch.tensor(row["label"])


def check_files(df: pd.DataFrame, image_dir: str) -> list:
    missing = []
    for _, row in tqdm(df.iterrows(), total=len(df)):  # expect: dataframe-row-iteration
        if not os.path.exists(os.path.join(image_dir, row["image_id"])):
            missing.append(row["image_id"])
    return missing


def write_submission(ids, probabilities, path="submission.csv"):
    sub = pd.DataFrame({"image_id": ids})
    sub["label"] = probabilities.argmax(axis=1)
    lines = []
    for i, rec in enumerate(sub.itertuples()):  # expect: dataframe-row-iteration
        lines.append(f"{rec.image_id},{rec.label}")
    Path(path).write_text("\n".join(["image_id,label"] + lines))


@torch.no_grad()
def predict(model, loader: DataLoader, device="cuda"):
    model.eval()
    outputs = []
    for images, _ in tqdm(loader):
        outputs.append(model(images.to(device)).softmax(dim=1).cpu().numpy())
    return np.concatenate(outputs)


def per_class_accuracy(frame: pd.DataFrame) -> dict:
    result = {}
    for label, part in frame.groupby("label"):
        result[label] = (part["label"] == part["pred"]).mean()
    for name, column in frame.items():
        print(name, column.dtype)
    return result


def smooth(preds: np.ndarray, window: int = 3) -> np.ndarray:
    out = preds.copy()
    for i in range(window, preds.shape[0]):
        out[i] = preds[i - window:i].mean(axis=0)
    return out


def flag_rows(folds: pd.DataFrame) -> pd.DataFrame:
    for i in folds.index:  # expect: dataframe-row-iteration
        if folds.at[i, "fold"] == 0:
            folds.at[i, "is_valid"] = True
    return folds
