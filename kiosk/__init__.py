"""Touch-screen information kiosk for the Jining National High-tech Industrial Development Zone."""

__version__ = "0.1.0"

APP_NAME = "jining-kiosk"  # names the config, data, state and cache folders
