"""The PySide6 review window: the only package that imports Qt.

It is a thin layer over desktop.store.ReviewStore: widgets ask the store for
records and for changes, and refresh from what the store returns.
"""
