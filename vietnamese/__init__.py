"""The Vietnamese language: normalisation, folding, syllables, dates and numbers."""
