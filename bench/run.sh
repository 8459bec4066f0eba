#!/usr/bin/env bash
# Run the benchmarks: bash bench/run.sh [--quick] [--suite] [--only NAME ...]
#
# gdlib, scikit-learn and PyTorch are timed side by side in ONE process, so they share one
# numpy. The process runs in bench/.venv-torch: a venv made from the same interpreter as the
# project's .venv, which sees every package of .venv (a .pth file adds its site-packages) and
# adds only torch==2.13.0 (the CPU build) on top. Results go to bench/RESULTS.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BASE_VENV="${BASE_VENV:-$ROOT/.venv}"
TORCH_VENV="$ROOT/bench/.venv-torch"
TORCH_VERSION="2.13.0"

if [ ! -x "$BASE_VENV/bin/python" ]; then
  echo "no $BASE_VENV: run 'make venv' first (or set BASE_VENV=/path/to/venv)" >&2
  exit 1
fi
if [ ! -f "$TORCH_VENV/.installed-$TORCH_VERSION" ]; then
  base_site="$("$BASE_VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
  "$BASE_VENV/bin/python" -m venv --clear "$TORCH_VENV"
  torch_site="$("$TORCH_VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
  # the base venv's packages (numpy, scikit-learn, editable installs) come after our own
  echo "import site; site.addsitedir('$base_site')" > "$torch_site/zz_base_venv.pth"
  # the CPU build only (its local version is +cpu); a plain "torch" would pull CUDA libraries
  if ! "$TORCH_VENV/bin/python" -m pip install --quiet "torch==$TORCH_VERSION+cpu"; then
    echo "torch==$TORCH_VERSION+cpu is not available to pip here; put its wheel in a" \
      "--find-links folder (PIP_FIND_LINKS) or run without torch: bash bench/run.sh --no-torch" >&2
    exit 1
  fi
  "$TORCH_VENV/bin/python" - <<'PY'
import numpy, torch
assert not torch.version.cuda, f"got a CUDA build of torch ({torch.version.cuda}); need the CPU one"
print(f"bench venv ready: torch {torch.__version__}, numpy {numpy.__version__} from {numpy.__file__}")
PY
  touch "$TORCH_VENV/.installed-$TORCH_VERSION"
fi
cd "$ROOT"
# nbconvert's templates and other Jupyter data sit in the base venv's share/jupyter
export JUPYTER_PATH="$BASE_VENV/share/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
exec "$TORCH_VENV/bin/python" -m bench "$@"
