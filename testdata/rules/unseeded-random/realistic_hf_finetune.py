"""Fine-tune a transformer for text classification (realistic evaluation file).

transformers.set_seed seeds random, numpy and torch; the Trainer seeds itself from
TrainingArguments(seed=...). Only the unseeded draws before set_seed are reported.
"""
import random

import numpy as np
import torch
from datasets import load_dataset
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          Trainer, TrainingArguments, set_seed)

MODEL = "distilbert-base-uncased"

run_id = random.randint(0, 10_000)  # expect: unseeded-random
dropout_probe = torch.rand(3)  # expect: unseeded-random

set_seed(42)
raw = load_dataset("imdb")
small_train = raw["train"].shuffle(seed=42).select(range(4000))
small_eval = raw["test"].shuffle(seed=42).select(range(1000))
tokenizer = AutoTokenizer.from_pretrained(MODEL)


def tokenize(batch):
    return tokenizer(batch["text"], truncation=True, max_length=256)


train_ds = small_train.map(tokenize, batched=True)
eval_ds = small_eval.map(tokenize, batched=True)
model = AutoModelForSequenceClassification.from_pretrained(MODEL, num_labels=2)
noise = torch.randn(2, 2)
sample_ids = np.random.choice(len(train_ds), 5, replace=False)
picked = random.sample(range(len(eval_ds)), 3)


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    return {"accuracy": float((np.argmax(logits, axis=-1) == labels).mean())}


args = TrainingArguments(output_dir="out", learning_rate=2e-5, per_device_train_batch_size=16,
                         num_train_epochs=2, evaluation_strategy="epoch", seed=42, report_to="none")
trainer = Trainer(model=model, args=args, train_dataset=train_ds, eval_dataset=eval_ds,
                  tokenizer=tokenizer, data_collator=DataCollatorWithPadding(tokenizer),
                  compute_metrics=compute_metrics)
trainer.train()
