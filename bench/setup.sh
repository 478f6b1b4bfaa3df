# Sourced by the benchmark scripts that drive altbuild from Python: the
# release build, the Debian packages named in $missing (each script adds
# what it lacks), and the venv with python-pptx and Pillow that makes decks.
# Sets $bin and $venv; runs from the repository root.
bin=$PWD/.build/release/altbuild
[ -x "$bin" ] && [ -x "$(dirname "$bin")/altbuild-worker" ] || swift build -c release --static-swift-stdlib
python3 -c "import ensurepip" 2>/dev/null || missing+=(python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
venv=bench/work/venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c "import pptx, PIL" 2>/dev/null || "$venv/bin/pip" install -q python-pptx pillow
