"""A paho-mqtt client set up from [fleet]: TLS, user name and password. Qt-free."""

from __future__ import annotations

from pathlib import Path

import paho.mqtt.client as mqtt

PLAIN_PORT, TLS_PORT = 1883, 8883
KEEPALIVE_S = 30  # a kiosk that loses power is marked offline after ~1.5 times this


def port(fleet) -> int:
    return fleet.mqtt_port or (TLS_PORT if fleet.mqtt_tls_ca else PLAIN_PORT)


def where(fleet) -> str:
    return f"{fleet.mqtt_host}:{port(fleet)}{' (TLS)' if fleet.mqtt_tls_ca else ''}"


def make_client(fleet, client_id: str) -> mqtt.Client:
    """A client for the broker in `fleet`, not yet connected. Raises OSError for a password
    file that cannot be read."""
    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=client_id, clean_session=True,
                         protocol=mqtt.MQTTv311)
    if fleet.mqtt_tls_ca:
        client.tls_set(ca_certs=fleet.mqtt_tls_ca, certfile=fleet.mqtt_tls_cert, keyfile=fleet.mqtt_tls_key)
    if fleet.mqtt_username:
        password = None
        if fleet.mqtt_password_file:
            password = Path(fleet.mqtt_password_file).read_text(encoding="utf-8").strip()
        client.username_pw_set(fleet.mqtt_username, password)
    return client
