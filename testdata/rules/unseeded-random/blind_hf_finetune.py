import random
import numpy as np
import torch
from datasets import load_dataset
from transformers import AutoTokenizer, AutoModelForSequenceClassification, TrainingArguments, Trainer, set_seed
from sklearn.model_selection import train_test_split

MODEL = "distilbert-base-uncased"
set_seed(17)

ds = load_dataset("imdb")
tok = AutoTokenizer.from_pretrained(MODEL)
small = ds["train"].shuffle(seed=17).select(range(2000))
texts = small["text"]
labels = small["label"]
random.shuffle(texts)
perm = np.random.permutation(len(labels))
mask = torch.rand(len(labels)) > 0.5
# relabelled after the run: set_seed seeded numpy, whose global state random_state=None draws from
tr_x, va_x, tr_y, va_y = train_test_split(texts, labels, test_size=0.1)

model = AutoModelForSequenceClassification.from_pretrained(MODEL, num_labels=2)
args = TrainingArguments("out", num_train_epochs=1, per_device_train_batch_size=16, seed=17)
