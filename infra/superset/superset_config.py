"""Superset configuration for `make bi`: local, loopback only, read-only BI over the published snapshot.

Everything machine-specific comes from the environment `bi.sh` exports: the state folder
(metadata database, generated secret key) is PLANWATCH_BI_HOME.
"""
import os
from pathlib import Path

_HOME = Path(os.environ["PLANWATCH_BI_HOME"])

# Generated once per state folder by bi.sh (never a default key).
SECRET_KEY = (_HOME / "secret_key").read_text().strip()
SQLALCHEMY_DATABASE_URI = f"sqlite:///{_HOME / 'superset.db'}"
DATA_DIR = str(_HOME)

# The snapshot is replaced by every pipeline run: no chart data cache, so a refresh shows the new figures.
DATA_CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}
CACHE_CONFIG = {"CACHE_TYPE": "SimpleCache", "CACHE_DEFAULT_TIMEOUT": 300}

# Offline machines: no product analytics, no map tiles, nothing fetched from the internet.
SCARF_ANALYTICS = False
MAPBOX_API_KEY = ""

# No self-registration, no public role: only the admin bi.sh creates (and users it adds) can log in.
AUTH_USER_REGISTRATION = False
PUBLIC_ROLE_LIKE = None

# Language and time: Chinese labels render with the CJK fonts infra/ensure_browser.sh installs.
BABEL_DEFAULT_LOCALE = "en"
DEFAULT_TIME_FILTER = "No filter"

# Dashboards open fast on a 2-core machine: one query per chart, no thumbnails or alerts workers.
FEATURE_FLAGS = {"THUMBNAILS": False, "ALERT_REPORTS": False}
ROW_LIMIT = 5000
SUPERSET_WEBSERVER_TIMEOUT = 120
