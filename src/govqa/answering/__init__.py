"""Stage 5: passages → cited answers. The extractive engine, the optional LLM engine with its prompts and
quote verification."""
