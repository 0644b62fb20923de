"""The Argos Translate baseline as a user would call it, made to run offline.

Argos splits sentences with a model it downloads on first use (MiniSBD) unless the
package ships one; offline that download fails, so the baseline then gets brief's own
splitter instead, and says so.
"""

from __future__ import annotations


def offline_argos(from_code: str = "fr", to_code: str = "en") -> str:
    """Prepare argostranslate.translate.translate() for offline use; describe its splitter."""
    from argostranslate import translate as argos_translate

    from translator.french.sentences import split_sentences

    translation = argos_translate.get_translation_from_codes(from_code, to_code)
    package_translation = getattr(translation, "underlying", translation)
    package_path = package_translation.pkg.package_path
    if (package_path / "stanza").exists() or (package_path / "minisbd").exists():
        return "argos (packaged model)"

    class OwnSplitter:  # Argos would download a MiniSBD model here; offline it cannot.
        def split_sentences(self, text: str) -> list[str]:
            return split_sentences(text)

    package_translation.sentencizer = OwnSplitter()
    return "brief's splitter (Argos's MiniSBD model cannot be downloaded offline)"
