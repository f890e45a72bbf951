"""``python -m fundparse`` runs the command-line interface."""

from fundparse.cli import main

raise SystemExit(main())
