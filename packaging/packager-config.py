#!/usr/bin/env python3
"""Prints the cargo-packager configuration for one system, as JSON for
`cargo packager --config`.

The recipe lives in Cargo.toml ([package.metadata.packager]). Given a
configuration on the command line, cargo-packager no longer reads
Cargo.toml, so this reads it (through `cargo metadata`) and adds what differs
by system:
  - where the binaries are (target/<triple>/release when cross-building);
  - on Windows, both programs, the windowed one first: the Start menu and
    the desktop shortcut open it, with no console; esm-assistant.exe
    stays for terminals and scripts.

Usage: packager-config.py [TARGET_TRIPLE]
"""

import json
import subprocess
import sys

target = sys.argv[1] if len(sys.argv) > 1 else None
metadata = json.loads(
    subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--no-deps"],
        check=True,
        capture_output=True,
    ).stdout
)
package = next(p for p in metadata["packages"] if p["name"] == "esm-assistant")
config = dict(package["metadata"]["packager"])
config["name"] = package["name"]
config["version"] = package["version"]
config.setdefault("description", package["description"])

release = [metadata["target_directory"]]
if target:
    release.append(target)
    config["target-triple"] = target
release.append("release")
config["binaries-dir"] = "/".join(release)

windows = (target or "").endswith("windows-gnu") or (target or "").endswith(
    "windows-msvc"
) or (target is None and sys.platform == "win32")
if windows:
    config["binaries"] = [
        {"path": "esm-assistant-window", "main": True},
        {"path": "esm-assistant", "main": False},
    ]

json.dump(config, sys.stdout)
