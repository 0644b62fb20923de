"""`python -m translator`: the `brief` command."""

from translator.cli import main

main(prog_name="brief")
