# Body of the k3s stub for test/scripts/gitpod-installer.test.ts (see there).
case "$1" in
  crictl)
    [[ "$2" == pull && $# -eq 3 ]] || { echo "bad crictl args: $*" >&2; exit 64; }
    if [[ -f "$STUB_STATE/image-missing" ]]; then
      echo "time=\"2026-12-02T03:00:00Z\" level=fatal msg=\"pulling image: rpc error: code = NotFound desc = failed to pull and unpack image \\\"$3\\\": not found\"" >&2
      exit 1
    fi
    echo "Image is up to date for sha256:0123" ;;
  ctr)
    [[ "$2 $3 $4 $5 $6" == "--namespace k8s.io run --rm --net-host" ]] || { echo "bad ctr args: $*" >&2; exit 64; }
    shift 6
    work=""
    while [[ "$1" == --* ]]; do
      if [[ "$1" == --mount && "$2" == *",dst=/work,"* ]]; then work="${2#*src=}"; work="${work%%,*}"; fi
      shift 2
    done
    shift 2 # image, container id
    [[ -d "$work" ]] || { echo "no /work mount" >&2; exit 64; }
    case "$*" in
      "/app/installer config init --overwrite -c /work/config-init.yaml")
        cp "$STUB_STATE/defaults.yaml" "$work/config-init.yaml" ;;
      "/app/installer config cluster shiftfs -c /work/gitpod.config.yaml -n gitpod --timeout "*)
        [[ -f "$STUB_STATE/shiftfs-fails" ]] && { echo "job did not finish in time" >&2; exit 1; }
        echo "ShiftFS is supported" >&2 ;;
      "/app/installer config files containerd -c /work/gitpod.config.yaml --mount-path /host")
        echo "containerd location detected as /run/k3s/containerd/io.containerd.runtime.v2.task/k8s.io" >&2 ;;
      "/app/installer validate config -c /work/gitpod.config.yaml")
        [[ -f "$STUB_STATE/invalid-config" ]] && { cat "$STUB_STATE/invalid-config"; echo "Error: configuration invalid" >&2; exit 1; }
        echo '{"valid":true}' ;;
      "/app/installer validate cluster -c /work/gitpod.config.yaml -n gitpod --kubeconfig /root/.kube/config")
        [[ -f "$STUB_STATE/invalid-cluster" ]] && { cat "$STUB_STATE/invalid-cluster" >&2; exit 1; }
        echo '{"status":"OK"}' ;;
      "/app/installer render -c /work/gitpod.config.yaml -n gitpod --use-experimental-config")
        printf '%s\n' '---' 'apiVersion: v1' 'kind: ConfigMap' 'metadata:' '  name: gitpod' 'data:' '  tpl: "{{ .Name }}"' ;;
      "/usr/bin/helm status gitpod -n gitpod -o json")
        [[ -f "$STUB_STATE/release" ]] || { echo "Error: release: not found" >&2; exit 1; }
        cat "$STUB_STATE/release" ;;
      "/usr/bin/helm upgrade --install --atomic --cleanup-on-fail --reset-values --wait --timeout "*" --namespace gitpod gitpod /work/chart")
        [[ -f "$STUB_STATE/helm-fails" ]] && { echo "Error: UPGRADE FAILED: release gitpod failed, and has been rolled back due to atomic being set: timed out waiting for the condition" >&2; exit 1; }
        rev=0
        [[ -f "$STUB_STATE/release" && "$(cat "$STUB_STATE/release")" =~ \"version\":([0-9]+) ]] && rev="${BASH_REMATCH[1]}"
        printf '{"name":"gitpod","info":{"status":"deployed"},"version":%d}\n' $((rev + 1)) >"$STUB_STATE/release"
        cp "$work/chart/templates/gitpod.yaml" "$STUB_STATE/deployed-gitpod.yaml"
        cp "$work/chart/Chart.yaml" "$STUB_STATE/deployed-Chart.yaml" ;;
      "/usr/bin/helm rollback gitpod -n gitpod --wait" | "/usr/bin/helm uninstall gitpod -n gitpod --wait")
        echo "done" ;;
      *) echo "unexpected in image: $*" >&2; exit 64 ;;
    esac ;;
  kubectl)
    case "$*" in
      *"get pods"*) echo "server-7d9 0/1 ImagePullBackOff" ;;
      *"get events"*) echo "Warning Failed pod/server-7d9 Failed to pull image" ;;
      *) echo "unexpected: $*" >&2; exit 64 ;;
    esac ;;
  *) echo "unexpected k3s: $*" >&2; exit 64 ;;
esac
