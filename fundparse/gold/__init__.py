"""Gold files: ``read`` (the one reader and validator of the gold format) and ``score`` (the
engine's precision, recall and F1 against them)."""
