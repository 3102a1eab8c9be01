"""The guided "Does this apply to me?" assessment: facts a business gives once → per text, whether it applies,
why and what it asks, each line resting on a provision whose indexed text is quoted.

    facts.py       the facts schema (versioned), read and checked
    conditions.py  three-valued conditions over the facts
    rules.py       the rule files (rules/*.toml, one per text) → TextRules
    resolve.py     a cited provision → its verified indexed text (Citation)
    engine.py      facts × rules → Assessment
    report.py      the assessment as JSON and as a short memo (en / ja)
    prefill.py     facts read from a free-text question, for the chat to pre-fill the form
"""
