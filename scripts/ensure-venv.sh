# Sourced by ./run-kiosk and ./run-tests: create or update .venv at the repository root.
# Usage: ensure_venv EXTRAS   (e.g. "" or "test")
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

find_python() {
    local candidate
    for candidate in "${PYTHON:-}" python3.13 python3.12 python3.11 python3; do
        [ -n "$candidate" ] || continue
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys, venv; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    echo "The kiosk needs Python 3.11 or newer with venv (Debian/Ubuntu: sudo apt-get install python3 python3-venv)." >&2
    return 1
}

ensure_venv() {
    local extras="$1" target="$ROOT" hash
    [ -n "$extras" ] && target="$ROOT[$extras]"
    if [ ! -x "$VENV/bin/python" ]; then
        echo "Creating $VENV ..." >&2
        "$(find_python)" -m venv "$VENV"
    fi
    # Reinstall only when pyproject.toml changed; an install with test tools serves both commands.
    hash="$(sha256sum "$ROOT/pyproject.toml" | cut -c1-16)"
    if [ ! -e "$VENV/.installed-$hash-test" ] && [ ! -e "$VENV/.installed-$hash-${extras:-base}" ]; then
        echo "Installing the kiosk and its dependencies into $VENV ..." >&2
        "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e "$target"
        rm -f "$VENV"/.installed-*
        touch "$VENV/.installed-$hash-${extras:-base}"
    fi
    # The kiosk's own bytecode, as pip writes it for an installed wheel: without it every start
    # compiles each module from source (~30 ms), wherever Python may not write it itself
    # (PYTHONDONTWRITEBYTECODE, a read-only checkout). Up-to-date files are skipped (~40 ms).
    "$VENV/bin/python" -m compileall -q "$ROOT/kiosk" >/dev/null || true
}
