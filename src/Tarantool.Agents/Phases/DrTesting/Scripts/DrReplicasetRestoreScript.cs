namespace Tarantool.Agents.Phases.DrTesting.Scripts;

/// <summary>
/// The template of the whole-replicaset restore drill, run in a scratch environment with the runbook's own
/// procedure: the backup restored under its own instance name, a temporary leader fix (quorum 1 or the seed as the
/// configured leader), the other members rebuilt empty from it, the quorum put back, markers counted, the time
/// measured against the thresholds. Kubernetes: a scratch namespace with the replicaset's StatefulSet at zero, a
/// helper pod of the backup Job's template restoring into the seed's volume, scale back. Hosts: a scratch instance set
/// on SCRATCH_HOST with its own data directory and ports. Placeholders in double braces are filled by
/// <see cref="DrScriptsRenderer"/>; the rest is bash kept shellcheck-clean.
/// </summary>
internal static class DrReplicasetRestoreScript
{
    public const string Template = DrScriptPrologue.Text + "\n" + """
REPLICASET="${REPLICASET:-{{REPLICASET}}}"
SEED="${SEED:-{{SOURCE}}}"
MEMBERS=({{MEMBERS}})
QUORUM="{{QUORUM}}"
ELECTION="${ELECTION:-{{ELECTION}}}"
ARCHIVE_WAIT="${ARCHIVE_WAIT:-{{ARCHIVE_WAIT}}}"
BUNDLE_DIR="${BUNDLE_DIR:-$(cd "${SCRIPT_DIR}/.." && pwd)}"
START_TIMEOUT="${START_TIMEOUT:-{{START_TIMEOUT}}}"
KEEP_SCRATCH="${KEEP_SCRATCH:-0}"
# Kubernetes: the scratch namespace gets this replicaset only; its pods reach nothing of production (the names in
# its config point at the scratch namespace, and production's NetworkPolicies admit only their own namespace).
SCRATCH_NAMESPACE="${SCRATCH_NAMESPACE:-${K8S_NAMESPACE}-dr}"
CONFIG_MAP="{{CONFIG_MAP}}"
BACKUP_CRONJOB="{{BACKUP_CRONJOB}}"
CREDENTIALS_SECRET="{{CREDENTIALS_SECRET}}"
BACKUP_ACCOUNT="{{BACKUP_ACCOUNT}}"
# Hosts: a scratch host with tarantool, {{BACKUP_TOOLS}}/ and backup storage access (a spare host installed by
# deploy.yml); its instances get their own data directory and ports, so it never touches a production instance.
SCRATCH_HOST="${SCRATCH_HOST:-}"
SCRATCH_ROOT="${SCRATCH_ROOT:-/srv/tarantool-dr/{{CLUSTER}}}"
SCRATCH_PORT="${SCRATCH_PORT:-{{SCRATCH_PORT}}}"
SCRATCH_METRICS_PORT="${SCRATCH_METRICS_PORT:-{{SCRATCH_METRICS_PORT}}}"

# scratch_config SOURCE_YAML LONE_SEED: the cluster config reduced to this replicaset, its instances on the scratch
# host's ports and directories (hosts) or in the scratch namespace (Kubernetes), and with LONE_SEED=1 the temporary
# leader fix of the runbook: quorum 1 (election) or the seed as the configured leader.
scratch_config() {
  local source="$1" lone="$2"
  DR_SOURCE="$source" DR_LONE="$lone" DR_RS="$REPLICASET" DR_SEED="$SEED" DR_HOST="$SCRATCH_HOST" DR_PORT="$SCRATCH_PORT" \
    DR_METRICS_PORT="$SCRATCH_METRICS_PORT" DR_ROOT="$SCRATCH_ROOT" DR_PLATFORM="$PLATFORM" "$TARANTOOL_BIN" -e "
    -- Without the source's flow-style marks the config is written back in block style, which every YAML reader takes.
    local yaml = require('yaml').new()
    yaml.cfg({decode_save_metatables = false})
    local f = assert(io.open(os.getenv('DR_SOURCE')))
    local cfg = yaml.decode(f:read('*a'))
    f:close()
    local rs_name, seed = os.getenv('DR_RS'), os.getenv('DR_SEED')
    local kept
    for gname, group in pairs(cfg.groups or {}) do
      for rname, rs in pairs(group.replicasets or {}) do
        if rname == rs_name then kept = rs else group.replicasets[rname] = nil end
      end
      if next(group.replicasets or {}) == nil then cfg.groups[gname] = nil end
    end
    assert(kept ~= nil, 'replicaset ' .. rs_name .. ' is not in the config')
    if os.getenv('DR_PLATFORM') ~= 'kubernetes' then
      local root = os.getenv('DR_ROOT') .. '/{{ instance_name }}'
      cfg.snapshot = cfg.snapshot or {}
      cfg.snapshot.dir = root
      cfg.wal = cfg.wal or {}
      cfg.wal.dir = root
      cfg.vinyl = cfg.vinyl or {}
      cfg.vinyl.dir = root
      cfg.console = {socket = root .. '/tarantool.control'}
      cfg.process = {work_dir = root, pid_file = root .. '/tarantool.pid'}
      local names = {}
      for name in pairs(kept.instances) do table.insert(names, name) end
      table.sort(names)
      for i, name in ipairs(names) do
        local instance = kept.instances[name]
        instance.iproto = instance.iproto or {}
        instance.iproto.listen = {{uri = os.getenv('DR_HOST') .. ':' .. (tonumber(os.getenv('DR_PORT')) + i - 1)}}
        for _, role in pairs(instance.roles_cfg or {}) do
          for _, server in ipairs(type(role) == 'table' and role.http or {}) do server.listen = tonumber(os.getenv('DR_METRICS_PORT')) + i - 1 end
        end
      end
    end
    if kept.bootstrap_leader ~= nil then kept.bootstrap_leader = seed end
    if os.getenv('DR_LONE') == '1' then
      if (cfg.replication or {}).failover == 'election' then
        cfg.replication.synchro_quorum = 1
      else
        kept.leader = seed
      end
    elseif kept.leader ~= nil then
      kept.leader = seed
    end
    print(yaml.encode(cfg))
    os.exit(0)"
}

# Lua on a scratch instance through its console.
scratch_lua() {
  local name="$1" lua="$2"
  if is_dry_run; then
    log "DRY-RUN: scratch ${name} <<< ${lua}"
    return 0
  fi
  if [[ "$PLATFORM" == "kubernetes" ]]; then
    printf '%s\n' "$lua" | timeout 10 kubectl exec -i -n "$SCRATCH_NAMESPACE" "$name" -- tt connect "unix://{{CONSOLE_ROOT}}/${name}/tarantool.control" -f - -x lua
  else
    # shellcheck disable=SC2029 # the command is built here on purpose and runs on the scratch host
    printf '%s\n' "$lua" | timeout 10 "$SSH_BIN" "$SCRATCH_HOST" "${TT_REMOTE} connect unix://${SCRATCH_ROOT}/${name}/tarantool.control -f - -x lua"
  fi
}

scratch_running() { [[ "$(scratch_lua "$1" "return '@@STATUS=' .. box.info.status .. '@@'" | markers STATUS)" == "running" ]]; }

scratch_writable() { [[ "$(scratch_lua "$1" "return '@@RO=' .. tostring(box.info.ro) .. '@@'" | markers RO)" == "false" ]]; }

scratch_following() {
  [[ "$(scratch_lua "$1" "local n = 0 for _, r in pairs(box.info.replication) do if r.upstream ~= nil and r.upstream.status == 'follow' then n = n + 1 end end return '@@FOLLOW=' .. n .. '@@'" | markers FOLLOW)" -ge 1 ]]
}

scratch_cleanup() {
  if [[ "$KEEP_SCRATCH" == "1" ]]; then
    log "KEEP_SCRATCH=1: the scratch environment stays for inspection"
  elif [[ "$PLATFORM" == "kubernetes" ]]; then
    run kubectl delete namespace "$SCRATCH_NAMESPACE" --wait=false
  elif [[ -n "$SCRATCH_HOST" ]]; then
    local name
    for name in "${MEMBERS[@]}"; do run "$SSH_BIN" "$SCRATCH_HOST" "sudo systemctl stop dr-${name} || true"; done
    run "$SSH_BIN" "$SCRATCH_HOST" "sudo rm -rf ${SCRATCH_ROOT}"
  fi
  cleanup_drill
}
trap scratch_cleanup EXIT

if [[ "$PLATFORM" != "kubernetes" && -z "$SCRATCH_HOST" ]] && ! is_dry_run; then
  die "set SCRATCH_HOST to a spare host (tarantool, {{BACKUP_TOOLS}}/ and backup storage access): the drill never restores onto a production host"
fi
SCRATCH_HOST="${SCRATCH_HOST:-scratch-host}"

# 1. Markers in production, then the backup or the WAL archive that carries them off the hosts.
leader="$(find_leader "$REPLICASET")" || die "no writable instance in ${REPLICASET}"
ensure_marker_space "$leader"
base="$(now_ms)"
for i in $(seq 1 30); do write_marker "$leader" "$((base + i))" before || die "marker write failed on ${leader}"; done
point_ms="$(now_ms)"
if [[ "$ARCHIVE_WAIT" == "0" && "$PLATFORM" == "kubernetes" ]]; then
  run kubectl exec -n "$K8S_NAMESPACE" "$SEED" -- "{{BACKUP_TOOLS}}/backup.sh" "$SEED"
elif [[ "$ARCHIVE_WAIT" == "0" ]]; then
  run "$SSH_BIN" "$(host_of "$SEED")" "sudo {{BACKUP_TOOLS}}/backup.sh ${SEED}"
else
  log "waiting ${ARCHIVE_WAIT} s for WAL archival"
  run sleep "$ARCHIVE_WAIT"
fi

# 2. The runbook, step by step, timed from the restore on.
start="$(now_ms)"
if [[ "$PLATFORM" == "kubernetes" ]]; then
  run kubectl create namespace "$SCRATCH_NAMESPACE"
  run kubectl label namespace "$SCRATCH_NAMESPACE" pod-security.kubernetes.io/enforce=restricted --overwrite
  # The credentials and the backup service account (its cloud identity must also trust
  # system:serviceaccount:${SCRATCH_NAMESPACE}:${BACKUP_ACCOUNT}, see docs/setup.md) are copied as they are.
  for object in "secret/${CREDENTIALS_SECRET}" "serviceaccount/${BACKUP_ACCOUNT}"; do
    if is_dry_run; then log "DRY-RUN: copy ${object} into ${SCRATCH_NAMESPACE}"; continue; fi
    kubectl get -n "$K8S_NAMESPACE" "$object" -o json \
      | jq 'del(.metadata.namespace, .metadata.uid, .metadata.resourceVersion, .metadata.creationTimestamp, .metadata.managedFields, .secrets)' \
      | kubectl apply -n "$SCRATCH_NAMESPACE" -f -
  done
  if ! is_dry_run; then
    kubectl get configmap -n "$K8S_NAMESPACE" "$CONFIG_MAP" -o jsonpath='{.data.config\.yaml}' \
      | sed "s/\.${K8S_NAMESPACE}\.svc/.${SCRATCH_NAMESPACE}.svc/g" > "${DR_WORK}/production.yaml"
    scratch_config "${DR_WORK}/production.yaml" 1 > "${DR_WORK}/config.yaml"
    kubectl create configmap -n "$SCRATCH_NAMESPACE" "$CONFIG_MAP" --from-file=config.yaml="${DR_WORK}/config.yaml"
    # The replicaset's Service and StatefulSet as production runs them, at zero replicas, names moved to the scratch namespace.
    for object in "service/${REPLICASET}" "statefulset/${REPLICASET}"; do
      kubectl get -n "$K8S_NAMESPACE" "$object" -o json \
        | jq --arg ns "$SCRATCH_NAMESPACE" 'del(.status, .metadata.uid, .metadata.resourceVersion, .metadata.creationTimestamp, .metadata.managedFields, .metadata.annotations, .spec.clusterIP, .spec.clusterIPs)
            | .metadata.namespace = $ns | if .kind == "StatefulSet" then .spec.replicas = 0 else . end' \
        | sed "s/\.${K8S_NAMESPACE}\.svc/.${SCRATCH_NAMESPACE}.svc/g" | kubectl apply -f -
    done
    # The seed's volume, as the StatefulSet would claim it, then the backup Job's own pod (backup image, service
    # account, storage access) restoring into it under the seed's own name.
    kubectl get pvc -n "$K8S_NAMESPACE" "data-${SEED}" -o json \
      | jq --arg ns "$SCRATCH_NAMESPACE" '{apiVersion, kind, metadata: {name: .metadata.name, namespace: $ns, labels: .metadata.labels},
          spec: {accessModes: .spec.accessModes, storageClassName: .spec.storageClassName, resources: .spec.resources}}' \
      | kubectl apply -f -
    kubectl get cronjob -n "$K8S_NAMESPACE" "$BACKUP_CRONJOB" -o json \
      | jq --arg ns "$SCRATCH_NAMESPACE" --arg seed "$SEED" '{apiVersion: "v1", kind: "Pod",
          metadata: {name: ("restore-" + $seed), namespace: $ns, labels: .spec.jobTemplate.spec.template.metadata.labels},
          spec: (.spec.jobTemplate.spec.template.spec | .restartPolicy = "Never" | del(.affinity)
            | .volumes = [.volumes[] | if .persistentVolumeClaim != null then .persistentVolumeClaim = {claimName: ("data-" + $seed)} else . end]
            | .containers = [.containers[0] | .command = ["{{BACKUP_TOOLS}}/restore.sh"]
                | .args = [$seed, "--data-dir", ("{{CONSOLE_ROOT}}/" + $seed), "--include-partial"]
                | .volumeMounts = [.volumeMounts[] | del(.readOnly)]])}' \
      | kubectl apply -f -
    kubectl wait -n "$SCRATCH_NAMESPACE" --for=jsonpath='{.status.phase}'=Succeeded "pod/restore-${SEED}" --timeout="${START_TIMEOUT}s" \
      || die "the restore pod did not succeed: kubectl logs -n ${SCRATCH_NAMESPACE} restore-${SEED}"
    kubectl delete pod -n "$SCRATCH_NAMESPACE" "restore-${SEED}"
  fi
  run kubectl scale statefulset -n "$SCRATCH_NAMESPACE" "$REPLICASET" --replicas="${#MEMBERS[@]}"
else
  run "$SSH_BIN" "$SCRATCH_HOST" "sudo mkdir -p ${SCRATCH_ROOT} && sudo chown tarantool: ${SCRATCH_ROOT}"
  run "$SSH_BIN" "$SCRATCH_HOST" "sudo -u tarantool {{BACKUP_TOOLS}}/restore.sh ${SEED} --data-dir ${SCRATCH_ROOT}/${SEED} --include-partial"
  if ! is_dry_run; then
    scratch_config "${BUNDLE_DIR}/tarantool/config.yaml" 1 > "${DR_WORK}/config.yaml"
    "$SSH_BIN" "$SCRATCH_HOST" "sudo -u tarantool tee ${SCRATCH_ROOT}/config.yaml >/dev/null" < "${DR_WORK}/config.yaml"
  fi
  # The seed first; the empty members join from it once it is writable.
  start_scratch() {
    run "$SSH_BIN" "$SCRATCH_HOST" "sudo mkdir -p ${SCRATCH_ROOT}/${1} && sudo chown tarantool: ${SCRATCH_ROOT}/${1} && sudo systemd-run --unit dr-${1} --uid tarantool --gid tarantool --property=EnvironmentFile=-{{SECRETS_FILE}} /usr/bin/tarantool --name ${1} --config ${SCRATCH_ROOT}/config.yaml"
  }
  start_scratch "$SEED"
  wait_until "$START_TIMEOUT" scratch_running "$SEED" >/dev/null || die "${SEED} did not start on the restored files"
  for name in "${MEMBERS[@]}"; do
    if [[ "$name" != "$SEED" ]]; then start_scratch "$name"; fi
  done
fi
if [[ "$ELECTION" == "1" ]]; then
  wait_until "$START_TIMEOUT" scratch_running "$SEED" >/dev/null || die "${SEED} did not start on the restored files"
  scratch_lua "$SEED" "box.ctl.promote() return '@@OK=1@@'" >/dev/null || true
fi
wait_until "$START_TIMEOUT" scratch_writable "$SEED" >/dev/null || die "${SEED} did not become writable in the scratch environment"
for name in "${MEMBERS[@]}"; do
  if [[ "$name" != "$SEED" ]]; then wait_until "$START_TIMEOUT" scratch_following "$name" >/dev/null || die "${name} did not join ${SEED}"; fi
done
restore_ms=$(($(now_ms) - start))

# 3. The quorum (or the configured leader) back as production has it, reloaded on every member.
if [[ "$PLATFORM" == "kubernetes" ]]; then
  if ! is_dry_run; then
    scratch_config "${DR_WORK}/production.yaml" 0 > "${DR_WORK}/config.yaml"
    kubectl create configmap -n "$SCRATCH_NAMESPACE" "$CONFIG_MAP" --from-file=config.yaml="${DR_WORK}/config.yaml" --dry-run=client -o yaml | kubectl replace -f -
    # The kubelet refreshes a mounted ConfigMap within its sync period; reload after it.
    sleep 90
  fi
elif ! is_dry_run; then
  scratch_config "${BUNDLE_DIR}/tarantool/config.yaml" 0 > "${DR_WORK}/config.yaml"
  "$SSH_BIN" "$SCRATCH_HOST" "sudo -u tarantool tee ${SCRATCH_ROOT}/config.yaml >/dev/null" < "${DR_WORK}/config.yaml"
fi
for name in "${MEMBERS[@]}"; do scratch_lua "$name" "require('config'):reload() return '@@OK=1@@'" >/dev/null || true; done

# 4. The checks: markers in the restored replicaset, every member following, the quorum back.
if is_dry_run; then
  verdict {{SCENARIO_ID}} 0 "$RTO_THRESHOLD" 0 "$RPO_THRESHOLD"
  exit 0
fi
problem=""
count="$(scratch_lua "$SEED" "local n = 0 for i = 1, 30 do if box.space.${MARKER_SPACE}:get(${base} + i) ~= nil then n = n + 1 end end return '@@COUNT=' .. n .. '@@'" | markers COUNT)"
quorum="$(scratch_lua "$SEED" "return '@@QUORUM=' .. tostring(box.info.synchro.quorum) .. '@@'" | markers QUORUM)"
writable=0
for name in "${MEMBERS[@]}"; do if scratch_writable "$name"; then writable=$((writable + 1)); fi; done
log "restore to a writable ${SEED} with every member following: ${restore_ms} ms; markers ${count:-0}/30; quorum ${quorum:-?} (expected ${QUORUM}); writable members ${writable}"
rpo_ms=0
if ((${count:-0} < 30)); then rpo_ms=$(($(now_ms) - point_ms)); fi
if [[ "$writable" != "1" ]]; then problem="writable-members-${writable}"; fi
if [[ "$ELECTION" == "1" && "${quorum:-}" != "$QUORUM" ]]; then problem="${problem:+${problem},}quorum-not-restored"; fi
verdict {{SCENARIO_ID}} "$restore_ms" "$RTO_THRESHOLD" "$rpo_ms" "$RPO_THRESHOLD" "$problem"
""";
}
