"""The dossier viewer's domain: materials and their files, view rotations, the text index, page
labels and outlines, and the render worker process (PyMuPDF runs only there).

Kept free of imports so the worker process (`python -m review_model.dossier.worker`) starts fast.
"""
