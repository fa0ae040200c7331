"""Start-up loads only what every command needs: a format's libraries load when the format is used."""

from __future__ import annotations

import subprocess
import sys


def test_importing_newsconv_and_its_command_line_loads_no_rdf_library() -> None:
    probe = "import sys, newsconv, newsconv.cli; print(sorted({'rdflib', 'pyoxigraph', 'pyshacl_turbo'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
