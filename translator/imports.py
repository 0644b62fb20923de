"""One lock for importing the big libraries while a batch runs threads.

A batch's producer thread loads spaCy while the main thread may start a Ray cluster
(`--ray`), and near the end a helper imports scikit-learn for the digest. Two threads
importing the same packages at once can see them half-made: Ray and spaCy both import
pydantic, and a `brief batch --ray` once failed with `KeyError: 'pydantic.v1'`. So each
of those holds `heavy_imports`; they take turns, and the work after them runs in
parallel as before. (The local model needs none: CTranslate2 and Argos are imported
before the batch starts its threads.)
"""

from __future__ import annotations

import threading

heavy_imports = threading.RLock()
