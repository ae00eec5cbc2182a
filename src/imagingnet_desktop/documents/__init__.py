"""documents: the only code that touches python-docx. ``model`` is the plain document model the workspace
builds; ``word`` renders it in the styles template; ``output`` writes the file whole or not at all."""
