"""Errors govqa raises, each naming the object, the cause and the fix.

    GovQAError
    ├── ConfigError              settings or a profile/manifest file is invalid
    │   ├── PromptError              a file in prompts/ is missing or uses the wrong variables
    │   ├── RuleError                an assessment rule file is malformed or cites a provision the index lacks
    │   └── StoreUnavailableError    the Chroma server is down, too slow, or refuses govqa's token
    ├── SourceError              a corpus file cannot be obtained or trusted
    │   ├── ChecksumMismatchError    the bytes are not the ones the manifest pins
    │   └── SourceUnavailableError   not in cache, mirror or at its URL
    ├── UnreadableDocumentError  a file was obtained but cannot be parsed into text
    ├── IndexStateError              the index is missing or was built differently
    │   ├── IndexMissingError
    │   └── IndexMismatchError
    ├── QuestionError            the user's question cannot be answered as asked
    ├── FactsError               an assessment's facts file is malformed (names the field and the valid values)
    ├── DiffError                a diff cannot be made as asked (`govqa diff --provision` names nothing either holds)
    │   └── NotVersionsError         the two documents are not versions of one text in one language
    └── LLMError                 the configured LLM backend cannot be built or reached
        └── LLMTimeoutError          the model was stopped after GOVQA_LLM__TIMEOUT_S

The CLI prints these without a traceback and exits non-zero; the app shows them with st.error.
"""

from __future__ import annotations


class GovQAError(Exception):
    """Base of every error govqa raises on purpose."""


class ConfigError(GovQAError):
    """A setting, profile or manifest entry is invalid."""


class StoreUnavailableError(ConfigError):
    """The Chroma server (server mode) cannot be reached, did not answer in time, or refused the request."""


class SourceError(GovQAError):
    """A corpus document cannot be obtained or trusted."""


class ChecksumMismatchError(SourceError):
    """A file's sha256 differs from the one pinned in the manifest."""

    def __init__(self, doc_id: str, path: str, expected: str, actual: str) -> None:
        self.doc_id, self.path, self.expected, self.actual = doc_id, path, expected, actual
        super().__init__(
            f"{doc_id}: {path} has sha256 {actual}, but the manifest pins {expected}. "
            "The file may be corrupt or a different version; fetch it again, or run "
            "`govqa corpus fetch --accept-new-checksum` to re-pin it after checking the source."
        )


class SourceUnavailableError(SourceError):
    """A file is in none of the cache, the mirror and its official URL."""


class UnreadableDocumentError(GovQAError):
    """A file was found but its text cannot be extracted."""


class IndexStateError(GovQAError):
    """The index is missing or incompatible."""


class IndexMissingError(IndexStateError):
    """No index has been built yet."""


class IndexMismatchError(IndexStateError):
    """The index was built with another embedding model or chunker version."""


class QuestionError(GovQAError):
    """The question is empty or otherwise unusable."""


class FactsError(GovQAError):
    """An assessment's facts (facts.json) break the schema: the message names the field and its valid values."""


class RuleError(ConfigError):
    """An assessment rule file is malformed, or cites a provision the index does not hold."""


class DiffError(GovQAError):
    """A comparison of two versions cannot be made as asked."""


class NotVersionsError(DiffError):
    """`govqa diff` was given two documents the manifest does not describe as versions of one text (or whose
    languages differ)."""


class PromptError(ConfigError):
    """A prompt file is missing, malformed, or uses variables prompts.toml does not declare."""


class LLMError(GovQAError):
    """The LLM backend cannot be built (missing extra, model file) or did not answer."""


class LLMTimeoutError(LLMError):
    """The model was still generating when `settings.llm.timeout_s` ran out, and was stopped."""

    def __init__(self, timeout_s: float) -> None:
        super().__init__(
            f"The model took longer than {timeout_s:g} s and was stopped; raise GOVQA_LLM__TIMEOUT_S, "
            "lower GOVQA_LLM__PASSAGES or GOVQA_LLM__MAX_TOKENS, or use a smaller model."
        )
        self.timeout_s = timeout_s
