"""The test suite's own guard: nothing may leave the machine, loopback stays usable."""

from __future__ import annotations

import os
import socket

import httpx
import pytest
from conftest import NetworkBlockedError


@pytest.mark.parametrize("address", [("93.184.215.14", 80), ("2606:2800:21f:cb07:6820:80da:af6b:8b2c", 443, 0, 0)])
def test_outside_addresses_are_refused(address: tuple) -> None:  # type: ignore[type-arg]
    """Connecting a socket to a non-loopback address raises before any packet is sent."""
    family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s, pytest.raises(NetworkBlockedError):
        s.connect(address)


def test_host_names_are_refused() -> None:
    """create_connection to a host name (which would need a look-up) is refused, e.g. a model hub."""
    with pytest.raises(NetworkBlockedError):
        socket.create_connection(("huggingface.co", 443), timeout=1)


def test_http_clients_fail_loudly() -> None:
    """An httpx request to the internet surfaces the guard's error instead of a quiet connection error."""
    with pytest.raises(NetworkBlockedError):
        httpx.get("https://huggingface.co/api/models", timeout=2)


def test_loopback_stays_open() -> None:
    """Loopback connections reach the kernel (refused here: nothing listens), not the guard."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        port = listener.getsockname()[1]
    with socket.socket() as s, pytest.raises(ConnectionRefusedError):
        s.connect(("127.0.0.1", port))


def test_hub_access_is_switched_off() -> None:
    """Hugging Face libraries are told to stay offline."""
    assert os.environ["HF_HUB_OFFLINE"] == "1"
