"""Many kiosks at a glance: each reports its status to an MQTT broker and takes staff's commands
(kiosk.fleet.status); staff list and command them with `kiosk fleet` (kiosk.fleet.staff). Qt-free.

Needs the optional extra `fleet` (paho-mqtt); a kiosk without [fleet] mqtt_host imports none of it.
"""
