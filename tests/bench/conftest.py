"""benchmarks/ is a folder of scripts beside the package, not installed: import it from the repo root."""
import sys

from flows.settings import PROJECT_ROOT

if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))
