"""``python -m fundparse.eval …``: the same as ``fundparse eval …`` (fundparse/cli/eval.py)."""

from fundparse.cli.eval import main

__all__ = ["main"]

if __name__ == "__main__":
    raise SystemExit(main())
