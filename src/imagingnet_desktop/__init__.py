"""ImagingNet Desktop: form an NHS Imaging Network in partnership board workshops."""

__version__ = "0.1.0"
