"""Run Housing Desk from a source checkout: ``python main.py`` is ``housing-desk``."""

from housing_desk.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
