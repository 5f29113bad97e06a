using System.Globalization;
using Tarantool.Agents.Phases.Documentation;

namespace Tarantool.Agents.Phases.Deployment.Scripts;

/// <summary>
/// Writes the tt-based scripts for hosts and VMs under <c>deploy/scripts/</c>: <c>deploy.sh</c> (install the bundle on
/// this host and start its instances), <c>health-check.sh</c> (check the local instances), <c>rolling-restart.sh</c>
/// (zero-downtime restart of the whole cluster from an operator machine over SSH) and <c>backup-job.sh</c> (what the
/// systemd backup timers run). The host-to-instance map is generated from the inventory.
/// </summary>
internal sealed class VmScriptsWriter
{
    public IEnumerable<(string Name, string Content)> Write(DeploymentPlan plan, TarantoolTooling tooling)
    {
        yield return ("deploy.sh", Deploy(plan));
        yield return ("health-check.sh", HealthCheck(plan, tooling));
        yield return ("rolling-restart.sh", RollingRestart(plan, tooling));
        yield return ("backup-job.sh", BackupJob());
    }

    private static string Header(DeploymentPlan plan) => ScriptHeader.Variables(plan);

    private static string LocalInstances(DeploymentPlan plan) =>
        ShellText.CaseFunction("local_instances", "The instances that run on a host (from the inventory).",
            plan.Inventory.Select(i => i.Host).Distinct(StringComparer.Ordinal)
                .Select(h => (h, string.Join(" ", plan.Inventory.Where(i => i.Host == h).Select(i => i.Name)))),
            "", failOnUnknown: false);

    private static string Deploy(DeploymentPlan plan) =>
        $$"""
        #!/usr/bin/env bash
        # Installs or updates {{plan.AppName}} on this host from an unpacked bundle and starts the local instances
        # that are not running (running instances are left alone: use rolling-restart.sh to apply changes).
        # Usage: sudo deploy/scripts/deploy.sh [BUNDLE_DIR]
        # Needs Tarantool {{plan.TarantoolVersion}} and tt (docs/setup.md) and the secrets file {{DeploymentLayout.SecretsFile(plan.AppName)}}.
        set -euo pipefail

        {{Header(plan)}}
        SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
        BUNDLE_DIR="${1:-$(cd "${SCRIPT_DIR}/../.." && pwd)}"
        BACKUP_DIR="${BACKUP_DIR:-{{DeploymentLayout.BackupToolsDir}}}"
        SCRIPTS_DIR="${SCRIPTS_DIR:-{{DeploymentLayout.OpsToolsDir}}}"
        SECRETS_FILE="${SECRETS_FILE:-{{DeploymentLayout.SecretsFile(plan.AppName)}}}"
        DATA_ROOT="${DATA_ROOT:-{{DeploymentLayout.DataRoot(plan.InstallDir, plan.AppName)}}}"

        {{LocalInstances(plan)}}
        if [ "$(id -u)" -ne 0 ]; then
          echo "run deploy.sh as root" >&2
          exit 1
        fi
        if ! command -v tt >/dev/null 2>&1; then
          echo "tt is not installed: see docs/setup.md" >&2
          exit 1
        fi
        if [ ! -f "$SECRETS_FILE" ]; then
          echo "missing ${SECRETS_FILE}: write the TT_* secrets there (owner root, group tarantool, mode 0640)" >&2
          exit 1
        fi

        # The bundle's tarantool/ is both the application and its tt environment (tt.yaml: instances_enabled: .).
        install -d -o tarantool -g tarantool -m 0750 "$APP_DIR" "$BACKUP_DIR"
        install -d -o root -g tarantool -m 0750 "$SCRIPTS_DIR"
        cp -R "${BUNDLE_DIR}/tarantool/." "${APP_DIR}/"
        if [ ! -f "$TT_CFG" ]; then
          printf 'env:\n  instances_enabled: .\n' >"$TT_CFG"
        fi
        chown -R tarantool:tarantool "$APP_DIR"
        cp -R "${BUNDLE_DIR}/backup/." "${BACKUP_DIR}/"
        chown -R tarantool:tarantool "$BACKUP_DIR"
        cp -R "${BUNDLE_DIR}/deploy/scripts/." "${SCRIPTS_DIR}/"
        install -d -o tarantool -g tarantool -m 0750 "$DATA_ROOT"
        if ! mountpoint -q "$DATA_ROOT"; then
          echo "warning: ${DATA_ROOT} is not a mount point: mount the data disk there (the disk alerts watch it)" >&2
        fi
        # The instances' unit template and target are the containers phase's (the bundle's systemd/ directory).
        install -o root -g root -m 0644 "${BUNDLE_DIR}/{{DeploymentLayout.BundleUnit(DeploymentLayout.InstanceUnit(plan.AppName))}}" \
          "${BUNDLE_DIR}/{{DeploymentLayout.BundleUnit(DeploymentLayout.InstanceTarget(plan.AppName))}}" /etc/systemd/system/
        systemctl daemon-reload
        systemctl enable {{DeploymentLayout.InstanceTarget(plan.AppName)}}

        read -r -a instances <<<"$(local_instances "$(hostname -s)")"
        if [ "${#instances[@]}" -eq 0 ]; then
          echo "no ${APP} instance is planned on $(hostname -s)" >&2
          exit 1
        fi
        for instance in "${instances[@]}"; do
          systemctl enable --now "{{DeploymentLayout.InstanceService("${APP}", "${instance}")}}"
        done

        deadline=$((SECONDS + START_TIMEOUT))
        until "${SCRIPT_DIR}/health-check.sh" "${instances[@]}"; do
          if ((SECONDS >= deadline)); then
            echo "instances are not healthy after ${START_TIMEOUT}s: check journalctl -u {{DeploymentLayout.InstanceService("${APP}", "<instance>")}}" >&2
            exit 1
          fi
          sleep 5
        done

        """;

    private static string HealthCheck(DeploymentPlan plan, TarantoolTooling tooling) =>
        $$"""
        #!/usr/bin/env bash
        # Health check of the {{plan.AppName}} instances on this host, or of the instances given as arguments:
        # each must run, follow its upstreams with lag <= MAX_LAG seconds{{(tooling == TarantoolTooling.DeclarativeConfig ? " and have applied its config" : "")}}.
        # Usage: deploy/scripts/health-check.sh [INSTANCE...]   (exit 1 when one is unhealthy)
        set -euo pipefail

        {{Header(plan)}}
        LUA_HEALTH="{{LuaSnippets.Health(tooling, "${MAX_LAG}")}}"

        {{LocalInstances(plan)}}
        if [ "$#" -gt 0 ]; then
          instances=("$@")
        else
          read -r -a instances <<<"$(local_instances "$(hostname -s)")"
        fi
        if [ "${#instances[@]}" -eq 0 ]; then
          echo "no ${APP} instance runs on $(hostname -s)" >&2
          exit 2
        fi

        status=0
        for instance in "${instances[@]}"; do
          result="$(printf '%s\n' "$LUA_HEALTH" | tt -c "$TT_CFG" connect "${APP}:${instance}" -f - 2>&1 || true)"
          if [[ "$result" == *healthy* ]]; then
            echo "OK   ${instance}"
          else
            echo "FAIL ${instance}: ${result}" >&2
            status=1
          fi
        done
        exit "$status"

        """;

    private static string RollingRestart(DeploymentPlan plan, TarantoolTooling tooling)
    {
        var hosts = ShellText.CaseFunction("host_of", "The machine of each instance (from the inventory).",
            plan.Inventory.Select(i => (i.Name, i.Host)), "unknown instance");
        var methods = RollingPlanScript.Methods(plan);
        var configLeader = methods.Contains(SwitchoverMethods.ConfigLeader)
            ? ShellText.Array("ALL_INSTANCES", plan.Inventory.Select(i => i.Name)) + "\n"
              + ShellText.Array("ALL_HOSTS", plan.Inventory.Select(i => i.Host).Distinct(StringComparer.Ordinal)) + "\n"
              + """
                # Points the replicaset's leader: at TO in config.yaml on every host (manual failover).
                set_config_leader() {
                  local from="$1" to="$2" host
                  for host in "${ALL_HOSTS[@]}"; do
                    remote_host "$host" sudo sed -i -E "s/^([[:space:]]*leader:[[:space:]]*)[\"']?${from}[\"']?[[:space:]]*\$/\\1${to}/" "${APP_DIR}/config.yaml"
                  done
                }

                """
            : "";
        var cartridge = methods.Contains(SwitchoverMethods.FailoverPriority)
            ? """
              # Puts FIRST at the head of the failover priority of REPLICASET (Cartridge eventual/disabled failover).
              set_failover_priority() {
                local first="$1" second="$2" replicaset="$3"
                remote "$first" sudo tt -c "$TT_CFG" cartridge replicasets set-failover-priority "$first" "$second" \
                  --replicaset "$replicaset" --name "$APP" --run-dir "${APP_DIR}/var/run"
              }

              """
            : "";
        return $$"""
            #!/usr/bin/env bash
            # Zero-downtime rolling restart of {{plan.AppName}}, run from an operator machine with SSH and sudo on the hosts.
            # Order: {{string.Join(" -> ", plan.RollingUpdate.Select(r => r.Replicaset))}}; inside a replicaset the replicas one at a time,
            # then the lead moves to the switchover target, then the leader restarts. Each restart waits for health.
            # Usage: SSH_USER=deploy deploy/scripts/rolling-restart.sh
            set -euo pipefail

            {{Header(plan)}}
            SSH_USER="${SSH_USER:-}"

            {{RollingPlanScript.Plan(plan)}}
            {{RollingPlanScript.LuaVariables(plan, tooling, kubernetes: false)}}
            {{hosts}}
            # remote_host HOST COMMAND...: runs a command on a host, each argument quoted for the remote shell.
            remote_host() {
              local host="$1"
              shift
              ssh -o BatchMode=yes "${SSH_USER:+${SSH_USER}@}${host}" "$(printf '%q ' "$@")"
            }

            # remote INSTANCE COMMAND...: runs a command on the instance's machine.
            remote() {
              local host
              host="$(host_of "$1")"
              shift
              remote_host "$host" "$@"
            }

            # lua INSTANCE CODE: evaluates Lua on the instance through its console socket and prints the result.
            lua() {
              printf '%s\n' "$2" | remote "$1" sudo tt -c "$TT_CFG" connect "${APP}:$1" -f -
            }

            restart() {
              echo "restarting $1"
              remote "$1" sudo systemctl restart "{{DeploymentLayout.InstanceService("${APP}", "$1")}}"
              wait_healthy "$1"
            }

            {{configLeader}}{{cartridge}}{{RollingPlanScript.Functions(plan, kubernetes: false)}}
            run_plan

            """;
    }

    private static string BackupJob() =>
        """
        #!/usr/bin/env bash
        # Runs one backup job for the backup instances of this host; the systemd timers call it.
        # Usage: backup-job.sh backup|archive-wal|verify
        # Settings come from the unit's EnvironmentFile: TT_APP, TT_CFG, BACKUP_DIR, BACKUP_INSTANCES, RETENTION_DAYS
        # and METRICS_FILE (the node_exporter textfile the backup scripts report their last success to).
        set -euo pipefail

        : "${TT_APP:?TT_APP is not set}"
        : "${TT_CFG:?TT_CFG is not set}"
        : "${BACKUP_DIR:?BACKUP_DIR is not set}"
        : "${RETENTION_DAYS:?RETENTION_DAYS is not set}"
        METRICS_FILE="${METRICS_FILE:-}"
        job="${1:?usage: backup-job.sh backup|archive-wal|verify}"

        case "$job" in
          backup) script="backup.sh" ;;
          archive-wal) script="archive-wal.sh" ;;
          verify) script="verify-backup.sh" ;;
          *)
            echo "unknown job ${job}" >&2
            exit 2
            ;;
        esac

        read -r -a instances <<<"${BACKUP_INSTANCES:-}"
        if [ "${#instances[@]}" -eq 0 ]; then
          echo "BACKUP_INSTANCES is empty: nothing to do on this host"
          exit 0
        fi

        export TT_APP TT_CFG RETENTION_DAYS METRICS_FILE
        status=0
        for instance in "${instances[@]}"; do
          if ! "${BACKUP_DIR}/${script}" "$instance"; then
            echo "${job} failed for ${instance}" >&2
            status=1
          fi
        done
        exit "$status"

        """;
}
