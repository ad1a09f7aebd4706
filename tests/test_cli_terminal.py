"""The command line in a terminal and under Ctrl-C: the live status fits 80 columns (pseudo-terminal),
SIGINT stops ``export`` and ``demo`` with one line and exit code 130, and an interrupted export resumes."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from cli_support import cli_args, cli_env, deal_requests, expected_finished, exported_lines, make_fake, run_cli

_ESCAPES = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")


def _read_all(fd: int) -> bytes:
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


@pytest.mark.slow
def test_progress_fits_80_columns_in_a_terminal(tmp_path: Path) -> None:
    primary, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env["TERM"] = "xterm-256color"
    args = ["export", "deals", "--fake", "--fake-deals", "400", "--scope", "finished", "--page-size", "10",
            "--out", str(tmp_path / "d.jsonl")]
    process = subprocess.Popen(
        [sys.executable, "-m", "threecommas_async", *args], stdin=secondary, stdout=secondary, stderr=secondary, env=env
    )
    os.close(secondary)
    screen = _read_all(primary)
    os.close(primary)
    assert process.wait(30) == 0, screen.decode(errors="replace")

    frames = [
        segment.decode()
        for segment in re.split(rb"[\r\n]", _ESCAPES.sub(b"", screen))
        if b"ETA" in segment
    ]
    assert len(frames) >= 2
    assert max(len(frame) for frame in frames) <= 79
    assert all(re.match(r"deals [\d,]+ rows [\d,]+ pages  budget \d+/100 ", frame) for frame in frames)


def _interrupt(process: subprocess.Popen[str], ready: float) -> tuple[int, str, str, float]:
    """SIGINT after ``ready`` seconds: the exit code, stdout, stderr, and seconds from signal to exit."""
    time.sleep(ready)
    sent = time.monotonic()
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=10)
    return process.returncode, stdout, stderr, time.monotonic() - sent


@pytest.mark.slow
def test_ctrl_c_stops_an_export_with_one_line_and_it_resumes(tmp_path: Path) -> None:
    fake = make_fake()
    fake.faults.latency(100.0)  # API seconds: 0.1 s per request on this fake's clock, ~2 s for the export
    out = tmp_path / "deals.jsonl"
    args = cli_args("export", "deals", "--scope", "finished", "--page-size", "10", "--out", str(out))
    with fake.serve_in_thread() as base_url:
        env = cli_env(base_url)
        process = subprocess.Popen(
            [sys.executable, "-m", "threecommas_async", *args], env=env, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True,
        )
        deadline = time.monotonic() + 20
        while deal_requests(fake) < 3 and time.monotonic() < deadline:
            time.sleep(0.01)
        code, stdout, stderr, took = _interrupt(process, 0.05)
        assert code == 130, stderr + stdout
        assert stderr.count("\n") == 1, stderr
        assert stderr.startswith("interrupted: ")
        assert took < 2.0  # one request takes 0.1 s here; the rest is process teardown on a loaded machine
        fake.faults.clear()
        resumed = run_cli(args, env)
    assert resumed.returncode == 0, resumed.stderr
    assert dict(exported_lines(out)) == expected_finished(fake)


@pytest.mark.slow
def test_ctrl_c_stops_the_demo_with_one_line(tmp_path: Path) -> None:
    export = tmp_path / "demo.jsonl"
    export.write_text("previous export\n")
    process = subprocess.Popen(
        [sys.executable, "-m", "threecommas_async", "demo", "--windows", "100", "--tasks", "20", "--export",
         str(export)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().startswith("[")  # the first status line: the demo is running
    code, stdout, stderr, took = _interrupt(process, 0.0)
    assert code == 130, stderr + stdout[-3000:]
    assert stderr.count("\n") == 1, stderr
    assert stderr.startswith("interrupted: demo stopped")
    assert took < 3.0
    assert export.read_text() == "previous export\n"
    assert not export.with_name(export.name + ".tmp").exists()
