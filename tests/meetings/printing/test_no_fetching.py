"""The renderer fetches nothing but our own static files: HTML that names a local file, a service on the machine or
a place outside the static folder gets a PDF without it, and nothing is read or connected to."""

import socket
import threading

import pytest

from meetings.printing import pdf


@pytest.fixture
def listener():
    """A port on this machine that notes every connection (Redis on 6379 would be one such service)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.2)
    connections = []
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            try:
                connection, _address = server.accept()
            except OSError:
                continue
            connections.append(connection)
            connection.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], connections
    stop.set()
    thread.join()
    server.close()


def test_a_file_a_local_service_or_a_path_outside_static_is_never_fetched(listener):
    port, connections = listener
    local = f"http://127.0.0.1:{port}"
    html = f"""<html><head>
      <link rel="stylesheet" href="{local}/style.css">
      <style>@import url("{local}/import.css"); body {{ background: url("{local}/bg.png"); }}</style>
    </head><body>
      <p>Protokoll</p>
      <img src="file:///etc/passwd"><img src="{local}/bild.png"><img src="static:../finsam/settings.py">
      <object data="{local}/object"></object><iframe src="{local}/frame"></iframe>
    </body></html>"""
    written = pdf.write_pdf(html)
    assert written.startswith(b"%PDF") and b"root:" not in written and b"SECRET_KEY" not in written
    assert connections == []
