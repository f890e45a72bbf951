"""Rule tables: money.py (amount rules), markers.py (marker rules), data/*.toml (the words)."""
