"""The packaged executable's entry point: the `aizuchi` command (ui.launcher), as `pip install` makes it."""

from ui.launcher import main

main()
