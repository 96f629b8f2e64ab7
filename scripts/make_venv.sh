#!/usr/bin/env bash
# Creates the virtual environment with Python 3.10 (Rasa 3.6 needs <3.11):
# pyenv's 3.10 if present, else a python3.10 on PATH.
set -euo pipefail
venv=${1:-.venv}
[ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' && exit 0
rm -rf "$venv"
python=""
for candidate in "$(pyenv root 2>/dev/null)"/versions/3.10.*/bin/python /root/.pyenv/versions/3.10.*/bin/python "$(command -v python3.10 || true)"; do
  if [ -x "$candidate" ]; then python=$candidate; break; fi
done
if [ -z "$python" ]; then
  echo "Python 3.10 not found: install it (pyenv install 3.10) and try again." >&2
  exit 1
fi
echo "Creating $venv with $python"
"$python" -m venv "$venv"
"$venv/bin/pip" install --quiet --upgrade pip==24.3.1
