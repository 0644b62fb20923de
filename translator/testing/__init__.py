"""Fixtures for tests and the demo, never imported by the product: the tiny genuine Argos
model (`tiny_model.build_tiny_package`)."""
