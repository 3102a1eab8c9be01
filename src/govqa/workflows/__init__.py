"""Stage 6: the jobs a user brings whole, over the library the stages below build.

    citations.py  a list of references → each provision's verbatim text, pages, link and sha256 (`citation_pack`)
    versions.py   two versions of one text → provisions aligned, each unchanged / changed / added / removed
    packs.py      a pack or a diff as Markdown, JSON or CSV (the shapes docs/workflows.md documents)
    commands.py   `govqa cite` and `govqa diff`, registered by cli.py
    library.py    what they read: the manifest and the stored chunks, no model (`load_library`)

Each takes a `Library` (the CLI loads one from the index; the app builds it from its retriever), so a further
job — checking an article's claims with the answering stage — is one more module beside these.
"""
