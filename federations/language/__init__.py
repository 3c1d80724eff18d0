"""The language switch (its address only: the view is federations.views.language_set)."""
