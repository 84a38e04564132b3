"""The Qt-free model layer: dataset types, loading, validation and formatting."""
