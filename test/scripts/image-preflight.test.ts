import { afterEach, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { makeStubDir, runRendered, type StubDir } from "../support/stubs";
import { DEFAULT_REGISTRY_MIRRORS, renderImageChecks } from "../../lib/registries";

// curl stub emulating registries. $STUB_STATE/registry has one line per manifest URL:
//   <url> <status> [bearer]
// "bearer": answers 401 + `WWW-Authenticate: Bearer realm=...` unless the request carries
// `Authorization: Bearer tok-<n>`. URLs not listed: no connection (status 000, exit 7).
// The token endpoint https://auth.example.com/token answers {"token":"tok-1"} unless
// $STUB_STATE/token-fail exists. $STUB_STATE/delay makes every HEAD sleep; in-flight HEADs are
// tracked to measure parallelism: each HEAD appends how many it saw in flight to
// $STUB_STATE/inflight-seen (an append, so concurrent HEADs cannot overwrite each other).
const CURL = `hdr=""; url=""; auth=""; head=0; data=""; accept=""
while (($#)); do
  case "$1" in
    -o|-w|--max-time|--connect-timeout|--retry) shift 2 ;;
    -D) hdr="$2"; shift 2 ;;
    -H) case "$2" in Authorization:*) auth="$2" ;; Accept:*) accept="$2" ;; esac; shift 2 ;;
    --data-urlencode) data="$data&$2"; shift 2 ;;
    -I) head=1; shift ;;
    -*) shift ;;
    *) url="$1"; shift ;;
  esac
done
if [[ "$url" == https://auth.example.com/token ]]; then
  [[ -f "$STUB_STATE/token-fail" ]] && exit 22
  echo '{"token":"tok-1","access_token":"tok-1","expires_in":300}'
  exit 0
fi
[[ "$head" == 1 ]] || { echo "manifest request without -I (HEAD): $url" >&2; exit 99; }
[[ "$accept" == *application/vnd.oci.image.index.v1+json* && "$accept" == *application/vnd.docker.distribution.manifest.list.v2+json* && "$accept" == *application/vnd.docker.distribution.manifest.v2+json* && "$accept" == *application/vnd.oci.image.manifest.v1+json* ]] || { echo "missing Accept types" >&2; exit 98; }
me="$STUB_STATE/inflight.$$"; : >"$me"
n=$(find "$STUB_STATE" -name 'inflight.*' | wc -l)
echo "$n" >>"$STUB_STATE/inflight-seen"
[[ -f "$STUB_STATE/delay" ]] && sleep "$(cat "$STUB_STATE/delay")"
rm -f "$me"
line="$(grep -F "$url " "$STUB_STATE/registry" | head -n 1)"
if [[ -z "$line" ]]; then printf '000'; echo "curl: (7) Failed to connect" >&2; exit 7; fi
read -r _ status mode <<<"$line"
if [[ "$mode" == bearer && "$auth" != "Authorization: Bearer tok-"* ]]; then
  printf 'HTTP/1.1 401 Unauthorized\\r\\nwww-authenticate: Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:x/y:pull"\\r\\n\\r\\n' >"$hdr"
  printf '401'; exit 0
fi
printf 'HTTP/1.1 %s X\\r\\n\\r\\n' "$status" >"$hdr"
printf '%s' "$status"`;

const MIRROR = "https://mirror.ccs.tencentyun.com/v2";
const HUB = "https://registry-1.docker.io/v2";

describe("image-preflight.sh", () => {
  let s: StubDir;
  const run = (checks: string, params: Record<string, string> = {}) =>
    runRendered(s, "image-preflight", {
      IMAGE_CHECKS: checks,
      PREFLIGHT_TIMEOUT_SECONDS: "30",
      PREFLIGHT_REQUEST_TIMEOUT_SECONDS: "5",
      ...params,
    });
  const registry = (lines: string[]) => s.writeState("registry", lines.join("\n") + "\n");

  beforeEach(() => {
    s = makeStubDir({ curl: CURL });
  });
  afterEach(() => s.cleanup());

  it("all present: exit 0, HEAD requests only, stops at the first 2xx candidate", () => {
    registry([
      `${MIRROR}/library/busybox/manifests/latest 200`,
      `${HUB}/library/busybox/manifests/latest 200`,
      "https://eu.gcr.io/v2/gitpod-core-dev/build/server/manifests/commit-x 200",
    ]);
    const checks = renderImageChecks(["busybox", "eu.gcr.io/gitpod-core-dev/build/server:commit-x"], DEFAULT_REGISTRY_MIRRORS);
    const r = run(checks);
    assert.equal(r.status, 0, r.stderr + r.stdout);
    assert.match(r.stdout, /all 2 images present/);
    const calls = s.calls();
    assert.ok(calls.every((c) => c.includes(" -I ")), calls.join("\n"));
    assert.ok(!calls.some((c) => c.includes("registry-1.docker.io")), "stopped at the mirror");
  });

  it("falls back to the next candidate when the mirror lacks the image", () => {
    registry([`${MIRROR}/bitnami/mysql/manifests/5.7 404`, `${HUB}/bitnami/mysql/manifests/5.7 200`]);
    const r = run(`docker.io/bitnami/mysql:5.7 ${MIRROR}/bitnami/mysql/manifests/5.7 ${HUB}/bitnami/mysql/manifests/5.7`);
    assert.equal(r.status, 0, r.stderr + r.stdout);
  });

  it("some missing: exit 1, each missing image named with the hosts tried, and what to do", () => {
    registry([
      `${MIRROR}/library/busybox/manifests/latest 200`,
      `${MIRROR}/bitnami/mysql/manifests/5.7.34-debian-10-r55 404`,
      `${HUB}/bitnami/mysql/manifests/5.7.34-debian-10-r55 404`,
      "https://eu.gcr.io/v2/gitpod-core-dev/build/server/manifests/commit-x 404",
    ]);
    const checks = renderImageChecks(
      [
        "busybox",
        "docker.io/bitnami/mysql:5.7.34-debian-10-r55",
        "eu.gcr.io/gitpod-core-dev/build/server:commit-x",
        "quay.io/unreachable/img:1",
      ],
      DEFAULT_REGISTRY_MIRRORS,
    );
    const r = run(checks);
    assert.equal(r.status, 1, r.stderr);
    const lines = r.stdout.split("\n");
    assert.deepEqual(
      lines.filter((l) => l.startsWith("missing: ")),
      [
        "missing: docker.io/bitnami/mysql:5.7.34-debian-10-r55 (tried: mirror.ccs.tencentyun.com, registry-1.docker.io)",
        "missing: eu.gcr.io/gitpod-core-dev/build/server:commit-x (tried: eu.gcr.io)",
        "missing: quay.io/unreachable/img:1 (tried: quay.io)",
      ],
    );
    assert.ok(!r.stdout.includes("busybox"));
    assert.match(r.stdout, /3 of 4 images missing, 1 present/);
    assert.match(r.stdout, /set registryMirrors in Pulumi config to a registry that has these images, see README 'Registry mirrors'/);
    // Per-host statuses on stderr.
    assert.match(r.stderr, /quay\.io\/unreachable\/img:1: quay\.io 000 \(connection failed\)/);
    assert.match(r.stderr, /mirror\.ccs\.tencentyun\.com 404,registry-1\.docker\.io 404/);
  });

  it("401 Bearer challenge: fetches an anonymous token from the realm and retries with it", () => {
    const url = "https://registry.example.com/v2/x/y/manifests/1";
    registry([`${url} 200 bearer`]);
    const r = run(`registry.example.com/x/y:1 ${url}`);
    assert.equal(r.status, 0, r.stderr + r.stdout);
    const calls = s.calls();
    const tokenCall = calls.find((c) => c.includes("https://auth.example.com/token"));
    assert.ok(tokenCall, calls.join("\n"));
    assert.match(tokenCall!, /--data-urlencode service=registry\.example\.com/);
    assert.match(tokenCall!, /--data-urlencode scope=repository:x\/y:pull/);
    const heads = calls.filter((c) => c.includes(url));
    assert.equal(heads.length, 2);
    assert.ok(!heads[0].includes("Authorization"));
    assert.match(heads[1], /-H Authorization: Bearer tok-1/);
  });

  it("401 Bearer but the token endpoint fails: missing, with the reason on stderr", () => {
    const url = "https://registry.example.com/v2/x/y/manifests/1";
    registry([`${url} 200 bearer`]);
    s.writeState("token-fail", "");
    const r = run(`registry.example.com/x/y:1 ${url}`);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^missing: registry\.example\.com\/x\/y:1 \(tried: registry\.example\.com\)$/m);
    assert.match(r.stderr, /401 \(anonymous token refused\)/);
  });

  it("checks images in parallel, never more than PREFLIGHT_PARALLEL at once", () => {
    // Each check takes long enough that two started together overlap even on a loaded machine.
    const names = ["a", "b", "c"];
    registry(names.map((n) => `https://quay.io/v2/t/${n}/manifests/1 200`));
    s.writeState("delay", "0.5");
    const r = run(names.map((n) => `quay.io/t/${n}:1 https://quay.io/v2/t/${n}/manifests/1`).join("\n"), {
      PREFLIGHT_PARALLEL: "2",
    });
    assert.equal(r.status, 0, r.stderr + r.stdout);
    assert.match(r.stdout, /all 3 images present/);
    const max = Math.max(...fs.readFileSync(`${s.state}/inflight-seen`, "utf8").trim().split("\n").map(Number));
    assert.equal(max, 2, `max in flight ${max}`);
  });

  it("time bound reached before checking: exit 3, images listed as unchecked", () => {
    registry([`${MIRROR}/library/busybox/manifests/latest 200`]);
    const r = run(`busybox ${MIRROR}/library/busybox/manifests/latest`, { PREFLIGHT_TIMEOUT_SECONDS: "0" });
    assert.equal(r.status, 3, r.stderr + r.stdout);
    assert.match(r.stdout, /^unchecked: busybox \(time bound reached; tried: mirror\.ccs\.tencentyun\.com\)$/m);
    assert.deepEqual(s.calls(), []);
  });

  it("rejects malformed IMAGE_CHECKS before any request", () => {
    for (const bad of ["busybox", "busybox ftp://x/v2/a/manifests/b", "busybox https://host/not-a-manifest"]) {
      const r = run(`# comment\n\n${bad}`);
      assert.equal(r.status, 2, bad);
      assert.match(r.stderr, /IMAGE_CHECKS line 3/);
    }
    assert.deepEqual(s.calls(), []);
  });
});
