"""Run the command line as ``python -m newsconv``."""

from newsconv.cli import main

main()
