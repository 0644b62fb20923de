"""brief: clean scraped French news, translate it offline with Argos, brief it in English.

The same pipeline as the CLI::

    from translator import brief_file, BriefOptions
    brief = brief_file("article.txt", options=BriefOptions(sentences=3))
    print(brief.title, brief.sentences, [q.text for q in brief.quotes])
"""

from .brief import BriefOptions
from .clean import clean_document
from .document import (
    Article,
    ArticleDate,
    Brief,
    BriefQuote,
    Part,
    Quote,
    RemovedLine,
    Segment,
    TranslatedSegment,
    Translation,
)
from .engine import ArgosTranslator, DecodingOptions, TextTranslator, find_package
from .errors import BriefError, InputError, ModelError, ModelNotInstalledError, NotFrenchError
from .pipeline import PreparedArticle, brief_articles, brief_file, prepare
from .quotes import find_quotes
from .reader import read_document
from .sentences import QuoteAwareTokenizer, split_sentences

__version__ = "0.1.0"

__all__ = [
    "Article", "ArticleDate", "ArgosTranslator", "Brief", "BriefError", "BriefOptions", "BriefQuote",
    "DecodingOptions", "InputError", "ModelError", "ModelNotInstalledError", "NotFrenchError", "Part",
    "PreparedArticle", "Quote", "QuoteAwareTokenizer", "RemovedLine", "Segment", "TextTranslator",
    "TranslatedSegment", "Translation", "brief_articles", "brief_file", "clean_document", "find_package",
    "find_quotes", "prepare", "read_document", "split_sentences",
]
