using Tarantool.Agents.Phases.Containers;
using Tarantool.Agents.Phases.Documentation;

namespace Tarantool.Agents.Phases.Deployment.Scripts;

/// <summary>
/// Writes the kubectl-based scripts for Kubernetes deployments under <c>deploy/scripts/</c>: <c>deploy.sh</c> (apply
/// the manifests and the backup CronJobs, wait for the StatefulSets' pods to be ready), <c>health-check.sh</c> and
/// <c>rolling-restart.sh</c> (replicas first, leader last after a switchover, by deleting pods one at a time). The
/// containers phase's StatefulSets use the OnDelete update strategy, so only this script restarts pods and a changed
/// template reaches each pod in this order; <c>kubectl rollout status</c> does not follow OnDelete StatefulSets, so
/// readiness is polled instead. Pod names equal instance names; Lua runs through <c>tt connect</c> inside the pod.
/// </summary>
internal sealed class KubernetesScriptsWriter
{
    /// <param name="backupRunJob">The Job manifest backup-run.sh fills in (<see cref="Scheduling.BackupCronJobWriter.RunJobTemplate"/>).</param>
    public IEnumerable<(string Name, string Content)> Write(DeploymentPlan plan, TarantoolTooling tooling, IReadOnlyList<string> routers, string backupRunJob)
    {
        yield return ("deploy.sh", Deploy(plan, tooling, routers));
        yield return ("backup-run.sh", BackupRun(plan, backupRunJob));
        yield return ("health-check.sh", HealthCheck(plan, tooling));
        yield return ("rolling-restart.sh", RollingRestart(plan, tooling));
        // Only the 3.x declarative config arrives through the ConfigMap that pods mount as a directory.
        if (tooling == TarantoolTooling.DeclarativeConfig) yield return ("config-reload.sh", ConfigReload(plan, tooling));
    }

    /// <summary>
    /// Applies a config change without restarts: apply the manifests (the ConfigMap, and the pod templates' new
    /// <c>checksum/config</c>, which OnDelete leaves unrestarted), wait until kubelet has synced the new file into
    /// every pod (sha256 inside the pod equals the ConfigMap's), then <c>config:reload()</c> replicas before the
    /// leader of each replicaset and stop at the first instance whose <c>config:info().status</c> is not
    /// <c>ready</c>/<c>check_warnings</c>. Options a reload cannot apply need rolling-restart.sh instead.
    /// </summary>
    private static string ConfigReload(DeploymentPlan plan, TarantoolTooling tooling) =>
        $$"""
        #!/usr/bin/env bash
        # Applies a change of the cluster config of {{plan.AppName}} on Kubernetes without restarting pods. The ConfigMap is
        # mounted as a directory (no subPath), so kubelet updates the file in running pods; this script
        #   1. applies kubernetes/ (the ConfigMap and the pod templates' checksum/config annotation; OnDelete restarts nothing),
        #   2. waits until every pod sees the new file (sha256 inside the pod equals the ConfigMap's),
        #   3. runs config:reload() per replicaset, replicas before the leader, and checks config:info().status is
        #      ready or check_warnings, stopping at the first error.
        # Options that a reload cannot change (see the operations guide) need deploy/scripts/rolling-restart.sh instead.
        # Usage: NAMESPACE={{plan.AppName}} deploy/scripts/config-reload.sh [BUNDLE_DIR]
        set -euo pipefail

        {{Common(plan)}}
        SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
        BUNDLE_DIR="${1:-$(cd "${SCRIPT_DIR}/../.." && pwd)}"
        CONFIG_MAP="${CONFIG_MAP:-${NAMESPACE}-config}"
        CONFIG_FILE="{{InstanceLayout.ContainerConfigFile}}"
        # kubelet syncs ConfigMap volumes on its own period (about a minute by default) plus its cache TTL.
        SYNC_TIMEOUT="${SYNC_TIMEOUT:-300}"

        {{RollingPlanScript.Plan(plan)}}
        LUA_ROLE="{{LuaSnippets.Role}}"
        LUA_RELOAD="{{LuaSnippets.Reload}}"

        # lua INSTANCE CODE: evaluates Lua on the instance through tt inside its pod and prints the result.
        lua() {
          printf '%s\n' "$2" | kubectl exec -i --namespace "$NAMESPACE" "$1" -c {{StatefulSetBuilder.ContainerName}} -- tt connect {{Console(tooling, "$1")}} -f -
        }

        # wait_synced POD SHA256: waits until the config file inside the pod has the ConfigMap's content.
        wait_synced() {
          local pod="$1" want="$2" seen=""
          local deadline=$((SECONDS + SYNC_TIMEOUT))
          until seen="$(kubectl exec --namespace "$NAMESPACE" "$pod" -c {{StatefulSetBuilder.ContainerName}} -- sha256sum "$CONFIG_FILE" 2>/dev/null)" && [ "${seen%% *}" = "$want" ]; do
            if ((SECONDS >= deadline)); then
              echo "${pod} still has the old ${CONFIG_FILE} after ${SYNC_TIMEOUT}s (is the ConfigMap mounted with subPath?)" >&2
              return 1
            fi
            sleep 5
          done
          echo "synced: ${pod}"
        }

        # reload INSTANCE: config:reload() and the resulting config:info().status; anything but ready/check_warnings stops.
        reload() {
          local out
          out="$(lua "$1" "$LUA_RELOAD" 2>&1)" || true
          case "$out" in
            *"reloaded ready"* | *"reloaded check_warnings"*)
              echo "reloaded: $1 (${out//$'\n'/ })"
              ;;
            *)
              echo "config reload failed on $1: ${out}" >&2
              echo "fix tarantool/config.yaml and kubernetes/configmap.yaml, then run this script again; the instances after $1 keep the old config" >&2
              exit 1
              ;;
          esac
        }

        if [ -f "${BUNDLE_DIR}/kubernetes/kustomization.yaml" ]; then
          kubectl apply -k "${BUNDLE_DIR}/kubernetes/"
        else
          kubectl apply --namespace "$NAMESPACE" -f "${BUNDLE_DIR}/kubernetes/configmap.yaml"
        fi
        want="$(kubectl get configmap --namespace "$NAMESPACE" "$CONFIG_MAP" -o jsonpath='{.data.config\.yaml}' | sha256sum)"
        want="${want%% *}"
        echo "ConfigMap ${CONFIG_MAP}: sha256 ${want}"

        # Every pod first, so no instance reloads while a peer still has the old file.
        for step in "${PLAN[@]}"; do
          IFS='|' read -r _ leader _ _ replicas <<<"$step"
          for instance in $replicas $leader; do
            wait_synced "$instance" "$want"
          done
        done

        for step in "${PLAN[@]}"; do
          IFS='|' read -r replicaset leader _ _ replicas <<<"$step"
          # The leader last: replicas first, and whichever instance is writable now (after a failover it may not be
          # the planned leader) after them.
          current=""
          for instance in $replicas $leader; do
            if [[ "$(lua "$instance" "$LUA_ROLE")" == *role:leader* ]]; then current="$instance"; continue; fi
            reload "$instance"
          done
          if [ -n "$current" ]; then reload "$current"; fi
          echo "replicaset ${replicaset}: config reloaded"
        done
        echo "${APP}: the config of ConfigMap ${CONFIG_MAP} is applied on every instance"

        """;

    /// <summary>
    /// Runs a backup script by hand — a restore, a rehearsal, a backup now — in the same kind of pod as the backup
    /// CronJobs (the backup image, the backup service account, on the instance's node with its volume), since the
    /// database image has no storage client. The Job manifest is generated with the CronJobs; the script only fills
    /// in the instance, the script and its arguments, which are checked against a safe set of characters first.
    /// </summary>
    private static string BackupRun(DeploymentPlan plan, string job) =>
        $$"""
        #!/usr/bin/env bash
        # Runs one of the backup scripts (backup/) by hand as a Job in the backup image, on the node of INSTANCE with its
        # data volume mounted, under the backup service account: the same pod as the backup CronJobs'.
        # Usage: deploy/scripts/backup-run.sh [--write] INSTANCE SCRIPT [ARGS...]
        #   SCRIPT is backup.sh, archive-wal.sh, verify-backup.sh or restore.sh; ARGS are passed to it.
        #   --write mounts the volume read-write, for restore.sh --data-dir into a directory on it.
        # Example: deploy/scripts/backup-run.sh --write INSTANCE restore.sh INSTANCE --data-dir {{InstanceLayout.ContainerDataRoot}}/INSTANCE.restored
        set -euo pipefail

        {{ScriptHeader.Default("NAMESPACE", "NAMESPACE", Containers.PlatformNaming.Namespace(plan.AppName))}}
        READ_ONLY=true
        if [ "${1:-}" = "--write" ]; then
          READ_ONLY=false
          shift
        fi
        if [ "$#" -lt 2 ]; then
          sed -n '2,7p' "$0" >&2
          exit 2
        fi
        INSTANCE="$1"
        SCRIPT="$2"
        shift 2
        case "$SCRIPT" in
          backup.sh | archive-wal.sh | verify-backup.sh | restore.sh) ;;
          *)
            echo "unknown backup script: ${SCRIPT}" >&2
            exit 2
            ;;
        esac
        for arg in "$INSTANCE" "$@"; do
          if ! [[ "$arg" =~ ^[A-Za-z0-9._:/+=@-]*$ ]]; then
            echo "argument '${arg}': only letters, digits and . _ : / + = @ - are passed through" >&2
            exit 2
          fi
        done
        JOB="${NAMESPACE}-run-$(date -u +%Y%m%d%H%M%S)"
        ARGS="$*"

        sed -e "s|@@JOB@@|${JOB}|g" -e "s|@@INSTANCE@@|${INSTANCE}|g" -e "s|@@SCRIPT@@|${SCRIPT}|g" -e "s|@@ARGS@@|${ARGS}|g" \
          -e "s|readOnly: true|readOnly: ${READ_ONLY}|g" <<'YAML' | kubectl apply --namespace "$NAMESPACE" -f -
        {{job.TrimEnd('\n')}}
        YAML

        echo "job ${JOB}: ${SCRIPT} ${ARGS} on the node of ${INSTANCE}"
        kubectl wait --namespace "$NAMESPACE" --for=condition=Ready pod -l "job-name=${JOB}" --timeout=600s || true
        kubectl logs --namespace "$NAMESPACE" --follow "job/${JOB}" || true
        if ! kubectl wait --namespace "$NAMESPACE" --for=condition=complete "job/${JOB}" --timeout=60s; then
          echo "job ${JOB} did not complete: kubectl -n ${NAMESPACE} describe job ${JOB}" >&2
          exit 1
        fi

        """;

    private static string Common(DeploymentPlan plan) =>
        ScriptHeader.Variables(plan, withAppDir: false) + ScriptHeader.Default("NAMESPACE", "NAMESPACE", Containers.PlatformNaming.Namespace(plan.AppName));

    /// <summary>
    /// The console an instance listens on inside its pod. On 3.x the containers phase pins
    /// <c>console.socket</c> into the instance's data directory, so the socket path is used directly; otherwise tt finds the instance
    /// in the image's application directory (the image's WORKDIR).
    /// </summary>
    private static string Console(TarantoolTooling tooling, string instance) =>
        tooling == TarantoolTooling.DeclarativeConfig
            ? $"\"unix://{Containers.InstanceLayout.ContainerConsoleSocket(instance)}\""
            : $"\"${{APP}}:{instance}\"";

    private static string Deploy(DeploymentPlan plan, TarantoolTooling tooling, IReadOnlyList<string> routers) =>
        $$"""
        #!/usr/bin/env bash
        # Applies the Kubernetes manifests of {{plan.AppName}} (kubernetes/) and the backup CronJobs, then waits until
        # every StatefulSet is ready and every instance is healthy. Running pods are not restarted: use rolling-restart.sh.
        # Usage: NAMESPACE={{plan.AppName}} deploy/scripts/deploy.sh [BUNDLE_DIR]
        set -euo pipefail

        {{Common(plan)}}
        SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
        BUNDLE_DIR="${1:-$(cd "${SCRIPT_DIR}/../.." && pwd)}"

        # StatefulSet:replicas, one per replicaset
        {{ShellText.Array("STATEFULSETS", plan.RollingUpdate.Select(r => $"{r.Replicaset}:{r.Order.Count}"))}}
        {{WaitReady}}

        # The backup Jobs' cloud identity names values of your account that the bundle cannot know (docs/setup.md says
        # which and how to look them up): nothing is applied while one is still a placeholder outside comments.
        {{ShellText.Array("PLACEHOLDERS", BackupIdentity.ManifestPlaceholders)}}
        left=""
        for placeholder in "${PLACEHOLDERS[@]}"; do
          # Not grep -q: it stops reading at the first match, and under pipefail the first grep's broken pipe would
          # make a placeholder look absent.
          if grep -v '^[[:space:]]*#' "${BUNDLE_DIR}/deploy/kubernetes/backup-cronjob.yaml" | grep -w -- "$placeholder" >/dev/null; then left="${left} ${placeholder}"; fi
        done
        if [ -n "$left" ]; then
          echo "deploy/kubernetes/backup-cronjob.yaml still holds the placeholder(s)${left}: replace them as docs/setup.md says; nothing was applied" >&2
          exit 2
        fi

        kubectl get namespace "$NAMESPACE" >/dev/null 2>&1 || kubectl create namespace "$NAMESPACE"
        if [ -f "${BUNDLE_DIR}/kubernetes/kustomization.yaml" ]; then
          kubectl apply -k "${BUNDLE_DIR}/kubernetes/"
        else
          kubectl apply --namespace "$NAMESPACE" --recursive -f "${BUNDLE_DIR}/kubernetes/"
        fi
        kubectl apply --namespace "$NAMESPACE" -f "${BUNDLE_DIR}/deploy/kubernetes/backup-cronjob.yaml"

        for entry in "${STATEFULSETS[@]}"; do
          wait_ready "${entry%%:*}" "${entry##*:}"
        done
        "${SCRIPT_DIR}/health-check.sh"
        {{VshardBootstrap(tooling, routers)}}echo "${APP} is deployed in namespace ${NAMESPACE}"

        """;

    /// <summary>Waits until every replica of a StatefulSet is ready; <c>kubectl rollout status</c> refuses StatefulSets
    /// whose update strategy is OnDelete.</summary>
    private const string WaitReady = """
        # wait_ready STATEFULSET REPLICAS: waits until every pod of the StatefulSet is ready.
        wait_ready() {
          local statefulset="$1" replicas="$2" ready=""
          local deadline=$((SECONDS + START_TIMEOUT))
          until ready="$(kubectl get statefulset --namespace "$NAMESPACE" "$statefulset" -o jsonpath='{.status.readyReplicas}')" && [ "${ready:-0}" -ge "$replicas" ]; do
            if ((SECONDS >= deadline)); then
              echo "statefulset ${statefulset}: ${ready:-0}/${replicas} pods ready after ${START_TIMEOUT}s" >&2
              return 1
            fi
            sleep 5
          done
          echo "ready: ${statefulset} (${replicas} pods)"
        }
        """;

    /// <summary>Refuses to start when a StatefulSet is not OnDelete: its controller would restart pods by itself, in
    /// ordinal order, while the script moves leaders.</summary>
    private static string CheckUpdateStrategy(DeploymentPlan plan) =>
        ShellText.Array("STATEFULSETS", plan.RollingUpdate.Select(r => r.Replicaset)) + $$"""
        for statefulset in "${STATEFULSETS[@]}"; do
          strategy="$(kubectl get statefulset --namespace "$NAMESPACE" "$statefulset" -o jsonpath='{.spec.updateStrategy.type}')"
          if [ "$strategy" != {{StatefulSetBuilder.UpdateStrategy}} ]; then
            echo "statefulset ${statefulset} uses the ${strategy:-unknown} update strategy; apply kubernetes/ ({{StatefulSetBuilder.UpdateStrategy}}) first" >&2
            exit 1
          fi
        done

        """;

    /// <summary>Distributes the buckets once from the first router (repeating it is harmless); Cartridge does it in
    /// its own topology setup.</summary>
    private static string VshardBootstrap(TarantoolTooling tooling, IReadOnlyList<string> routers) =>
        routers.Count == 0 || tooling == TarantoolTooling.Cartridge
            ? ""
            : $"printf '%s\\n' {ShellText.Quote(LuaSnippets.VshardBootstrap)} | kubectl exec -i --namespace \"$NAMESPACE\" {routers[0]} -- tt connect {Console(tooling, routers[0])} -f -\n";

    private static string HealthCheck(DeploymentPlan plan, TarantoolTooling tooling) =>
        $$"""
        #!/usr/bin/env bash
        # Health check of the {{plan.AppName}} instances (all, or those given as arguments): each pod must run its
        # instance, follow its upstreams with lag <= MAX_LAG seconds{{(tooling == TarantoolTooling.DeclarativeConfig ? " and have applied its config" : "")}}.
        # Usage: NAMESPACE={{plan.AppName}} deploy/scripts/health-check.sh [INSTANCE...]
        set -euo pipefail

        {{Common(plan)}}
        LUA_HEALTH="{{LuaSnippets.Health(tooling, "${MAX_LAG}")}}"

        {{ShellText.Array("ALL_INSTANCES", plan.Inventory.Select(i => i.Name))}}
        if [ "$#" -gt 0 ]; then
          instances=("$@")
        else
          instances=("${ALL_INSTANCES[@]}")
        fi

        status=0
        for instance in "${instances[@]}"; do
          result="$(printf '%s\n' "$LUA_HEALTH" | kubectl exec -i --namespace "$NAMESPACE" "$instance" -- tt connect {{Console(tooling, "${instance}")}} -f - 2>&1 || true)"
          if [[ "$result" == *healthy* ]]; then
            echo "OK   ${instance}"
          else
            echo "FAIL ${instance}: ${result}" >&2
            status=1
          fi
        done
        echo "${APP}: checked ${#instances[@]} instance(s)"
        exit "$status"

        """;

    private static string RollingRestart(DeploymentPlan plan, TarantoolTooling tooling)
    {
        var methods = RollingPlanScript.Methods(plan);
        var configLeader = methods.Contains(SwitchoverMethods.ConfigLeader)
            ? """
                # Manual failover keeps the leader in the ConfigMap of config.yaml, which only a reviewed change should edit:
                # stop here and let the operator move the lead (docs/operations.md), then run the script again.
                # The non-zero status ends the script through errexit.
                set_config_leader() {
                  echo "manual failover: set leader: $2 for the replicaset of $1 in config.yaml (kubernetes/), kubectl apply," >&2
                  echo "wait until the pods see the new file, then run this script again" >&2
                  return 3
                }

                """
            : "";
        var cartridge = methods.Contains(SwitchoverMethods.FailoverPriority)
            ? """
              # Puts FIRST at the head of the failover priority of REPLICASET (Cartridge eventual/disabled failover).
              set_failover_priority() {
                local first="$1" second="$2" replicaset="$3"
                kubectl exec --namespace "$NAMESPACE" "$first" -- tt cartridge replicasets set-failover-priority "$first" "$second" \
                  --replicaset "$replicaset" --name "$APP"
              }

              """
            : "";
        return $$"""
            #!/usr/bin/env bash
            # Zero-downtime rolling restart of {{plan.AppName}} on Kubernetes: pods are deleted one at a time and recreated by
            # their StatefulSet. Order: {{string.Join(" -> ", plan.RollingUpdate.Select(r => r.Replicaset))}}; inside a replicaset the replicas first,
            # then the lead moves to the switchover target, then the leader. Each restart waits for health.
            # The StatefulSets use the {{StatefulSetBuilder.UpdateStrategy}} update strategy (kubernetes/): after kubectl apply nothing restarts
            # until this script deletes a pod, which then comes back with the new template.
            # Usage: NAMESPACE={{plan.AppName}} deploy/scripts/rolling-restart.sh
            set -euo pipefail

            {{Common(plan)}}
            {{RollingPlanScript.Plan(plan)}}
            {{RollingPlanScript.LuaVariables(plan, tooling, kubernetes: true)}}
            # lua INSTANCE CODE: evaluates Lua on the instance through tt inside its pod and prints the result.
            lua() {
              printf '%s\n' "$2" | kubectl exec -i --namespace "$NAMESPACE" "$1" -- tt connect {{Console(tooling, "$1")}} -f -
            }

            restart() {
              local attempt
              echo "restarting $1"
              kubectl delete pod --namespace "$NAMESPACE" "$1" --wait=true
              for attempt in $(seq 1 60); do
                if kubectl get pod --namespace "$NAMESPACE" "$1" >/dev/null 2>&1; then
                  break
                fi
                echo "waiting for pod $1 to be recreated (${attempt}/60)"
                sleep 2
              done
              kubectl wait --namespace "$NAMESPACE" --for=condition=Ready "pod/$1" --timeout="${START_TIMEOUT}s"
              wait_healthy "$1"
            }

            {{configLeader}}{{cartridge}}{{RollingPlanScript.Functions(plan, kubernetes: true)}}
            {{CheckUpdateStrategy(plan)}}run_plan

            """;
    }
}
