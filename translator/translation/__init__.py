"""Translation with an Argos fr→en model: French cut into units (`segment`), the model and
batched CTranslate2 calls (`engine`, `long_units`), the English put back together (`joins`),
installed packages (`packages`) and the translation cache (`cache`)."""
