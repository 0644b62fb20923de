"""`brief batch`: many articles, one model load, resumable (`driver`); its inputs (`inputs`),
resume records (`records`) and translation backends (`backends`).

Nothing is imported here, so a `--workers` process that loads `batch.backends.pool` does not
pay for the driver."""
