"""Stage 4: question → ranked passages. Question analysis, document routing, the hybrid retriever and its
LangChain adapter."""
