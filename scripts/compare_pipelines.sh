#!/usr/bin/env bash
# Trains each pipeline variant of docs/pipeline-variants/ on data/nlu and
# evaluates it on the held-out sets (the table in docs/measurements.md,
# "Choosing the pipeline"). About 6-10 minutes per variant on 2 cores.
#   scripts/compare_pipelines.sh [e7 e6 ...]
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONPATH=$PWD RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2
out=test-artifacts/pipelines
mkdir -p "$out"
variants=("$@")
[ ${#variants[@]} -gt 0 ] || variants=($(ls docs/pipeline-variants | sed 's/\.yml$//'))
for variant in "${variants[@]}"; do
  start=$(date +%s)
  .venv/bin/rasa train nlu --config "docs/pipeline-variants/$variant.yml" --nlu data/nlu --domain domain \
    --out "$out" --fixed-model-name "$variant" --quiet > "$out/$variant-train.log" 2>&1
  echo "$variant: trained in $(( $(date +%s) - start )) s"
  .venv/bin/python -m scripts.eval_nlu --model "$out/$variant.tar.gz" | grep -E '^\| [a-z-]+ \| 300 '
done
