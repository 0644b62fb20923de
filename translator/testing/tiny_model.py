"""Build a tiny but genuine fr→en Argos package, offline, in about a second.

It is a real `.argosmodel`: a character SentencePiece model, a CTranslate2 Transformer
and metadata.json, installable with `argostranslate.package.install_from_path`. Its
weights are set by hand rather than trained: the encoder passes each character through,
the decoder's cross-attention reads the source position equal to its own step, and the
output layer maps every character to its upper-case form. So it "translates"
« Nous viendrons » into « NOUS VIENDRONS »: useless as English, but deterministic and
checkable, which is what tests, the offline demo and the benchmark need.

    python -m translator.testing.tiny_model OUT.argosmodel
"""

from __future__ import annotations

import json
import shutil
import string
import sys
import tempfile
import zipfile
from pathlib import Path

PACKAGE_VERSION = "0.0.1-tiny"
_MAX_POSITIONS = 1024
_POSITION_DIMS = 128
_CHARS = (
    string.ascii_letters
    + string.digits
    + "àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆñÑ"
    + " .,;:!?…'’‘\"«»“”()[]{}-–—_/\\%&@#*+=<>|°€$£§~^`"
)


def _train_sentencepiece(prefix: Path) -> list[str]:
    import sentencepiece as spm

    # Each character on its own line, a few times, so the char model keeps them all.
    lines = [ch for ch in _CHARS if not ch.isspace()] * 3 + ["a b"]
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_prefix=str(prefix),
        model_type="char",
        vocab_size=len(set(_CHARS)) + 3,
        hard_vocab_limit=False,
        character_coverage=1.0,
        normalization_rule_name="identity",
        minloglevel=2,
    )
    processor = spm.SentencePieceProcessor(model_file=str(prefix) + ".model")
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def _build_ctranslate2_model(vocab: list[str], output_dir: Path) -> None:
    import numpy as np
    from ctranslate2.specs import transformer_spec

    size = len(vocab)
    dims = size + _POSITION_DIMS
    dims += (-dims) % 8
    rng = np.random.default_rng(20240517)
    # Balanced ±1 codes: zero mean, so layer norm keeps their dot products comparable.
    positions = np.zeros((_MAX_POSITIONS, dims), np.float32)
    code = np.array([1.0, -1.0] * (_POSITION_DIMS // 2), np.float32)
    for row in positions:
        row[size : size + _POSITION_DIMS] = rng.permutation(code)

    def zeros(rows: int, cols: int) -> "np.ndarray":
        return np.zeros((rows, cols), np.float32)

    def unit_norm(layer) -> None:
        layer.gamma = np.ones(dims, np.float32)
        layer.beta = np.zeros(dims, np.float32)

    def silence(layer) -> None:
        # Self-attention and feed-forward add nothing: the residual stream passes through.
        unit_norm(layer.self_attention.layer_norm)
        layer.self_attention.linear[0].weight = zeros(3 * dims, dims)
        layer.self_attention.linear[1].weight = zeros(dims, dims)
        unit_norm(layer.ffn.layer_norm)
        layer.ffn.linear_0.weight = zeros(8, dims)
        layer.ffn.linear_1.weight = zeros(dims, 8)

    spec = transformer_spec.TransformerSpec.from_config((1, 1), 1)
    spec.config.add_source_eos = True  # the copied </s> ends decoding

    encoder = spec.encoder
    one_hot = zeros(size, dims)
    one_hot[np.arange(size), np.arange(size)] = 8.0
    encoder.embeddings[0].weight = one_hot
    encoder.scale_embeddings = False
    encoder.position_encodings.encodings = positions
    unit_norm(encoder.layer_norm)
    for layer in encoder.layer:
        silence(layer)

    decoder = spec.decoder
    decoder.embeddings.weight = zeros(size, dims)  # the output depends on the source only
    decoder.scale_embeddings = False
    decoder.position_encodings.encodings = positions
    unit_norm(decoder.layer_norm)
    for layer in decoder.layer:
        silence(layer)
        attention = layer.attention
        unit_norm(attention.layer_norm)
        block = slice(size, size + _POSITION_DIMS)
        query = zeros(dims, dims)
        query[block, block] = 10.0 * np.eye(_POSITION_DIMS)  # sharp: attend to one position
        attention.linear[0].weight = query
        key_value = zeros(2 * dims, dims)
        key_value[block, block] = np.eye(_POSITION_DIMS)  # keys: source positions
        key_value[dims : dims + size, :size] = np.eye(size)  # values: source characters
        attention.linear[1].weight = key_value
        out = zeros(dims, dims)
        out[:size, :size] = 4.0 * np.eye(size)
        attention.linear[2].weight = out

    index = {piece: i for i, piece in enumerate(vocab)}
    projection = zeros(size, dims)
    for i, piece in enumerate(vocab):
        upper = piece.upper() if len(piece) == 1 and piece.upper() in index else piece
        projection[index[upper], i] = 1.0
    decoder.projection.weight = projection

    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    spec.validate()
    spec.optimize(quantization=None)
    output_dir.mkdir(parents=True, exist_ok=True)
    spec.save(str(output_dir))


def build_tiny_package(destination: Path) -> Path:
    """Write the tiny fr→en `.argosmodel` to `destination` and return its path."""
    destination = Path(destination)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "translate-fr_en-tiny"
        root.mkdir()
        vocab = _train_sentencepiece(root / "sentencepiece")
        (root / "sentencepiece.vocab").unlink()
        _build_ctranslate2_model(vocab, root / "model")
        metadata = {
            "package_version": PACKAGE_VERSION,
            "argos_version": "1.9.0",
            "from_code": "fr",
            "from_name": "French",
            "to_code": "en",
            "to_name": "English",
            "type": "translate",
            "links": [],
        }
        (root / "metadata.json").write_text(json.dumps(metadata, indent=2))
        (root / "README.md").write_text(
            "Tiny test package built by `brief`: copies French text in upper case. Not a translator.\n"
        )
        destination.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(destination, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(root.rglob("*")):
                archive.write(path, path.relative_to(root.parent))
        shutil.rmtree(root)
    return destination


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m translator.testing.tiny_model OUT.argosmodel")
    print(build_tiny_package(Path(sys.argv[1])))
