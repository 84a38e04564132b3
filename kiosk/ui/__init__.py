"""The Qt layer: app factory, window, tab views and charts."""
