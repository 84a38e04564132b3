"""A real S3 server for the tests: moto's, threaded, in this process, on a free port of this
machine. Import it after skipping when moto[server] is not installed."""

from __future__ import annotations

import contextlib
import urllib.request

from moto import server as moto_server

from kiosk.bench_fleet import free_port

TEST_CREDENTIALS = (("AWS_ACCESS_KEY_ID", "testing"), ("AWS_SECRET_ACCESS_KEY", "testing"),
                    ("AWS_DEFAULT_REGION", "us-east-1"))


class S3Server:
    """moto's S3 server on a port of this machine; stopped and started again on the same port
    (its buckets live in this process, so they survive, as a real store's would)."""

    def __init__(self):
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self._server = None

    def start(self):
        self._server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=self.port, verbose=False)
        self._server.start()

    def stop(self):
        self._server.stop()


@contextlib.contextmanager
def running_s3(monkeypatch):
    """The server, started, with credentials boto3 finds; afterwards emptied (its buckets live on
    in this process, for the next test) and stopped."""
    for name, value in TEST_CREDENTIALS:
        monkeypatch.setenv(name, value)
    server = S3Server()
    server.start()
    try:
        yield server
    finally:
        with contextlib.suppress(OSError):  # (a test that failed with the server stopped)
            urllib.request.urlopen(urllib.request.Request(f"{server.endpoint}/moto-api/reset", method="POST")).close()
            server.stop()
