"""kg's own fuzz set: odd, broken and hostile inputs for every command (see cases.py)."""
