"""Rendering: events to plotly figure data (`figures`), figure data to one HTML page (`page`)."""
from .page import render_html, write_html

__all__ = ["render_html", "write_html"]
