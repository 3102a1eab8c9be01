"""Stage 3: chunks → embeddings → the index (Chroma for text and vectors, BM25 in memory), and the ingest
pipeline that drives stages 1–3."""
