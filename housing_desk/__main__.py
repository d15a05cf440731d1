"""``python -m housing_desk`` is the same as the ``housing-desk`` command."""

from housing_desk.cli import main

raise SystemExit(main())
