"""``python -m gdcourse.grading``: the instructors' grading command (see :mod:`.pipeline`)."""

import sys

from .pipeline import main

sys.exit(main())
