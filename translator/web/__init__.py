"""Pages and feeds from the web: the one step of `brief` that uses the network.

fetch.py (HTTP with limits), robots.py, feeds.py (RSS/Atom), metadata.py (title, date,
site), pages.py (a fetched page as a RawDocument), store.py (pages kept in OUTDIR).
"""
