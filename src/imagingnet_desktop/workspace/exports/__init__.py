"""Word exports: the draft MOU and heads of terms as document models, and the record of each export."""
