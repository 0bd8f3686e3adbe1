"""The dossier viewer (issue 3): DossierViewer and the Overlay marks the workspace puts on pages."""
from .painting import Overlay
from .viewer import DossierViewer

__all__ = ["DossierViewer", "Overlay"]
