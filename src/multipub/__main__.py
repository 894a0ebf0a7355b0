"""``python -m multipub``: the same as the ``multipub`` command."""

from multipub.cli import main

main()
