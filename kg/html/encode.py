"""JSON that is safe to paste into an HTML page, inside a ``<script>`` element.

Article text ends up in the page as data.  ``json.dumps`` alone is not
enough: a name containing ``</script>`` would end the script element and
whatever follows would be parsed as HTML.  Escaping ``<``, ``>`` and ``&``
as ``\\u003c``-style escapes keeps the JSON identical to ``JSON.parse`` while
giving the HTML parser nothing to see; U+2028/U+2029 are escaped too because
older JavaScript parsers treat them as line ends.

Examples
--------
>>> s = html_json({"name": "</script><script>alert(1)</script>"})
>>> "<" in s or ">" in s
False
>>> import json; json.loads(s)["name"]
'</script><script>alert(1)</script>'
"""

from __future__ import annotations

import json

__all__ = ["html_json"]

_ESCAPES = str.maketrans({
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
})


def html_json(value) -> str:
    """``value`` as compact JSON with no character HTML could act on.

    >>> html_json(["a & b", "\u2028"])
    '["a \\\\u0026 b","\\\\u2028"]'
    """
    # ensure_ascii=False keeps non-Latin names at one byte-ish per character
    # instead of six; the translate pass is what makes it HTML-safe.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_ESCAPES)
