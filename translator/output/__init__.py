"""What `brief` writes: one brief as text, Markdown or JSON (`render`), and the digest of a
batch (`digest`)."""
