"""``kiosk edit``: a desktop editor for the kiosk's content, for visitor-centre staff.

The form for each item is read from the model's typed fields and their rules
(``fields``); edits change a JSON document (``document``) that the kiosk's own validator
checks after each one, and the valid result is drawn by the kiosk's own widgets (``preview``).
"""
