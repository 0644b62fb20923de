"""Where translation runs, behind one seam: a `ModelRecipe` whose `load()` gives a translator
with `translate` (and optionally `translate_batches` and `close`).

- `recipe.ArgosModel`: the model in this process;
- `pool.WorkerPool`: `--workers N`, N processes each loading the model once;
- `ray.RayModel`: `--ray`, actors on a Ray cluster (Ray imported only then).
"""

from __future__ import annotations

from translator.batch.backends.recipe import ArgosModel, ModelRecipe
from translator.translation.engine import DecodingOptions


def model_recipe(
    decoding: DecodingOptions, workers: int = 1, ray_address: str | None = None, ray_actors: int = 0
) -> ModelRecipe:
    """The model here (in `workers` processes), or on the actors of a Ray cluster (`--ray`;
    Ray is imported only then)."""
    if ray_address is not None:
        from translator.batch.backends.ray import RayModel

        return RayModel(decoding, ray_address, ray_actors)
    if workers > 1:
        from translator.batch.backends.pool import WorkerPool

        return WorkerPool(ArgosModel(decoding), workers)
    return ArgosModel(decoding)
