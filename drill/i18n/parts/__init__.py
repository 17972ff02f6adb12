"""The catalogue's parts by topic; each maps a key to its (English, Chinese) text."""
