#!/usr/bin/env bash
# Rebuilds dev/testdata/templates/vite-react-template/ from the official
# template: copies it out of a cloudflare/templates checkout, installs its
# npm dependencies (the npm registry), runs its `npm run build` (tsc -b &&
# vite build, which writes dist/client and dist/vite_react_template/
# wrangler.json), and keeps dist/ plus the sources it came from.
#
#   dev/testdata/templates/rebuild-vite-react-template.sh /path/to/cloudflare/templates [commit]
#
# The template is built as it is, nodejs_compat included (the Vite plugin
# then injects unenv's process polyfill, which imports node:events).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo=$1; commit=${2:-HEAD}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git -C "$repo" archive "$commit" vite-react-template | tar -x -C "$work"
cd "$work/vite-react-template"
npm ci --no-audit --no-fund --loglevel=error
npm run build
out="$here/vite-react-template"
rm -rf "$out"; mkdir -p "$out"
cp -r dist "$out/dist"
cp wrangler.json package.json "$out/"
cp -r src "$out/src"
# The generated config names the build directory; make it relative.
sed -i "s|$work/vite-react-template/||g" "$out/dist/vite_react_template/wrangler.json"
echo "$(git -C "$repo" rev-parse "$commit")" >"$out/TEMPLATE_COMMIT"
echo "rebuilt $out"
