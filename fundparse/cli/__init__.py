"""The ``fundparse`` command.

    fundparse extract PATH…   amounts, funding splits and periods (table, JSON, JSONL, CSV)
    fundparse check PATH…     consistency findings as path:line:column: CODE message
    fundparse rules [CODE]    the rule codes, one line each, or one explained
    fundparse eval …          accuracy against gold files      (cli/eval.py, loaded on use)
    fundparse report …        an HTML report page              (cli/review.py, loaded on use)

``main`` dispatches, ``args`` holds the parsers, help and exit codes, ``inputs`` the one file
walker, ``batch`` the one runner of documents (workers, chunked huge files, events) and
``commands`` one function a command.  Output formatting lives in fundparse/report/, which
never imports this package.  ``check`` with text output imports neither rich nor pint:
pre-commit starts it on every commit.
"""

from fundparse.startup import kept_code, no_final_collection

with kept_code():  # the dataclasses built on the way compile from kept code (startup.py)
    from fundparse.cli.main import main as _main
    from fundparse.cli.streams import leave


def main(argv=None) -> int:
    """Run ``fundparse``; returns the exit code (see cli/main.py and cli/streams.leave)."""
    no_final_collection()  # the process ends with the command (startup.py)
    with kept_code():  # the stages a command loads on use, too
        code = _main(argv)
    return leave(code)


__all__ = ["main"]
