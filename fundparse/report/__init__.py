"""Output of the command-line interface.

* ``formats``: machine formats of ``fundparse extract`` (JSON, JSONL, CSV) and the text, JSON
  and GitHub Actions formats of ``fundparse check`` — standard library only, so the check that
  pre-commit runs on every commit starts fast;
* ``table``: the rich terminal report of ``fundparse extract`` (imports rich);
* ``html``: the ``fundparse report`` page.

Nothing is imported here: each command loads only the module it prints with.
"""
