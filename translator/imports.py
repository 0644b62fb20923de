"""One lock for importing and loading the big libraries while a batch runs threads.

A batch loads the model (CTranslate2, or Ray for `--ray`) in the main thread while its
producer thread loads spaCy and, near the end, a helper imports scikit-learn for the
digest. Two threads importing the same packages at once can see them half-made: Ray and
spaCy both import pydantic, and a `brief batch --ray` once failed with
`KeyError: 'pydantic.v1'`. So each of those loads holds `heavy_imports`; they only
take turns (each a fraction of a second to a few seconds), the work after them runs in
parallel as before.
"""

from __future__ import annotations

import threading

heavy_imports = threading.RLock()
