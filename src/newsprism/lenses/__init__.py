"""The lenses: each reads a Story and returns its findings (quotes, language, reuse, contradictions)."""
