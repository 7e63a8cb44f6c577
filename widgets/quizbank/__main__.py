"""`python -m widgets.quizbank check|export|import-jupyterquiz`: the bank command line.

The command lives in widgets.authoring.cli; this entry point keeps the documented command.
"""

import sys

from ..authoring.cli import main

sys.exit(main())
