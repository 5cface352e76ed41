#!/usr/bin/env bash
# Records what `wrangler dev` answers for the site in site/ under each
# config in modes/, into wrangler-<version>/<mode>.txt: the expectations
# TestAssets_MatchesWranglerDev checks edgedev against. Run it again only
# to move to another wrangler:
#
#   WRANGLER=/tmp/edgedev-anchor-wrangler-4.86.0/node_modules/.bin/wrangler \
#     dev/testdata/assets/record.sh 4.86.0 [mode...]
#
# Each mode starts wrangler dev on 127.0.0.1 (a port from 18900 up), sends
# the requests below with curl, and stops it (its process group, by id).
set -u
cd "$(dirname "$0")"
here=$PWD
version=$1; shift
modes=("$@"); [ ${#modes[@]} -eq 0 ] && modes=($(ls modes | sed 's/\.json$//'))
mkdir -p "wrangler-$version"
port=18900
for name in "${modes[@]}"; do
  port=$((port+1))
  d=$(mktemp -d)
  cp -r site/. "$d"; cp "modes/$name.json" "$d/wrangler.json"
  (cd "$d" && setsid env WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false NO_COLOR=1 "$WRANGLER" dev --ip 127.0.0.1 --port $port >"$d/wrangler.log" 2>&1) &
  pid=$!
  for i in $(seq 1 120); do curl -s -o /dev/null "http://127.0.0.1:$port/keep.txt" && break; sleep 0.5; done
  out="$here/wrangler-$version/$name.txt"; : >"$out"
  req() { # method path [header]
    local m=$1 p=$2 h=${3:-}
    local args=(-s -o "$d/body" -D "$d/hdr" -X "$m")
    [ "$m" = HEAD ] && args=(-s -I -o "$d/hdr" -X HEAD) && : >"$d/body"
    [ -n "$h" ] && args+=(-H "$h")
    curl "${args[@]}" "http://127.0.0.1:$port$p"
    g() { grep -i "^$1:" "$d/hdr" | head -1 | cut -d' ' -f2- | tr -d '\r'; }
    local st etag body
    st=$(head -1 "$d/hdr" | awk '{print $2}'); etag=$(g etag); body=$(head -c 80 "$d/body" | tr '\n' ' ')
    echo "$m $p [$h] => $st loc=$(g location) ct=$(g content-type) etag=${etag:+yes} cc=$(g cache-control) xw=$(g x-worker) xfile=$(g x-file) xall=$(g x-all) xjs=$(g x-js) acao=$(g access-control-allow-origin) rp=$(g referrer-policy) nosniff=$(g x-content-type-options) body=$body" |
      sed -E 's/"[0-9a-f]{32}"/"<etag>"/; s/ +$//' >>"$out"
  }
  for p in / /index /index.html /file /file.html /file/ /file/index /file/index.html /folder /folder.html /folder/ /folder/index /folder/index.html /both /both.html /both/ /both/index /both/index.html /nope /sub/nope /sub/deeper/nope /app.js /style.css /data.json /data.unknownext /extless /.hidden /secret.txt /keep.txt /_headers /_redirects /.assetsignore /old /moved /temp '/temp?q=1' /rw /rwmissing /splat/x /ext '/file.html?x=1' '/folder?x=1' /%66ile '/api/asset?u=/file' '/api/asset?u=/folder' '/api/asset?u=/nope' '/api/asset?u=/old' /api/x /api/public/x; do req GET "$p"; done
  for p in /nope /sub/nope /client/route /file; do req GET "$p" "Sec-Fetch-Mode: navigate"; done
  req HEAD /file; req POST /file; req POST /nope; req PUT /file.html
  et=$(curl -s -D - -o /dev/null "http://127.0.0.1:$port/file" | grep -i '^etag:' | cut -d' ' -f2- | tr -d '\r')
  req GET /file "If-None-Match: $et"
  req GET /file "If-None-Match: W/$et"
  req GET /file 'If-None-Match: "other"'
  req GET /file 'Authorization: Bearer x'
  kill -- -$pid 2>/dev/null; sleep 1; kill -9 -- -$pid 2>/dev/null
  rm -rf "$d"
  echo "recorded $name"
done
