import sys

from digitizer.cli import main

sys.exit(main())
