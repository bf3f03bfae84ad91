# Tests of a data-augmentation module (realistic evaluation file): pytest fixtures, monkeypatching.
import random
import string

import numpy as np
import pytest


def random_word(length=8):
    return "".join(random.choice(string.ascii_lowercase) for _ in range(length))  # expect: unseeded-random


@pytest.fixture
def rng():
    return np.random.default_rng(12345)


@pytest.fixture
def noisy_rng():
    return np.random.default_rng()  # expect: unseeded-random


@pytest.fixture
def batch(rng):
    return rng.normal(size=(8, 3))


def test_shapes(batch):
    assert batch.shape == (8, 3)


def test_word_length():
    assert len(random_word(5)) == 5


def test_sampling_is_patched(monkeypatch):
    monkeypatch.setattr(random, "random", lambda: 0.25)
    assert random.random() == 0.25


def test_generator_reproducible():
    a = np.random.default_rng(7).integers(0, 100, size=5)
    b = np.random.default_rng(seed=7).integers(0, 100, size=5)
    assert (a == b).all()


def test_legacy_state(seed=3):
    state = np.random.RandomState(seed)
    assert 0 <= state.rand() < 1


@pytest.mark.parametrize("k", [1, 2, 3])
def test_sample_size(k):
    assert len(random.sample(range(10), k)) == k  # expect: unseeded-random


def test_choice_is_mocked(mocker):
    mocker.patch("random.choice", return_value="a")
    assert random_word(3) == "aaa"
    assert random.choice("xyz") == "a"


def test_numpy_patched(monkeypatch):
    draws = np.random.rand(2)  # expect: unseeded-random
    monkeypatch.setattr(np.random, "rand", lambda *shape: np.zeros(shape))
    assert np.random.rand(2).sum() == 0
