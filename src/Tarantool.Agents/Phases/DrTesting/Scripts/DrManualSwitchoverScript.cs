namespace Tarantool.Agents.Phases.DrTesting.Scripts;

/// <summary>The template of a drill losing the leader under passive failover and promoting a replica by the runbook:
/// the new leader is written into the configuration every instance reads (every host's config.yaml or init.lua, the
/// ConfigMap, Cartridge's clusterwide configuration), and the old leader is started again only after that, so it
/// comes back read-only. Placeholders in double braces are filled by <see cref="DrScriptsRenderer"/>; the rest is
/// bash kept shellcheck-clean.</summary>
internal static class DrManualSwitchoverScript
{
    public const string Template = DrScriptPrologue.Text + "\n" + """
REPLICASET="${REPLICASET:-{{REPLICASET}}}"
PROMOTE_TIMEOUT="${PROMOTE_TIMEOUT:-120}"
# Where the leader is declared: config-yaml (replicasets.<rs>.leader), lua-layout (read_only in init.lua) or
# cartridge (the clusterwide configuration, which Cartridge spreads to every instance itself).
CONFIG_STYLE="{{CONFIG_STYLE}}"
APP_DIR="$(dirname "$TT_CFG")"

# Passive failover: the leader is lost, the runbook picks the most up-to-date replica and declares it the leader
# where every instance reads it, then the survivors apply it. Nothing may let the old leader start writable again:
# on hosts its unit stays stopped until its own files name the new leader; on Kubernetes (the pod would be
# recreated at once with the old ConfigMap) the old leader is cut off by a NetworkPolicy instead of killed and
# restarted only after the ConfigMap changed.

# Writes NEW as the leader of REPLICASET (OLD before) into every copy of the configuration.
declare_leader() {
  local old="$1" new="$2" host
  case "$CONFIG_STYLE" in
    config-yaml)
      if [[ "$PLATFORM" == "kubernetes" ]]; then
        if is_dry_run; then
          log "DRY-RUN: leader: ${new} in ConfigMap ${K8S_NAMESPACE}-config"
          return 0
        fi
        kubectl get configmap -n "$K8S_NAMESPACE" "${K8S_NAMESPACE}-config" -o yaml \
          | sed -E "s/^([[:space:]]*leader:[[:space:]]*)[\"']?${old}[\"']?[[:space:]]*$/\\1${new}/" \
          | kubectl replace -f -
        log "ConfigMap ${K8S_NAMESPACE}-config names ${new}; make the same change in tarantool/config.yaml and kubernetes/configmap.yaml of the repository"
      else
        while IFS= read -r host; do
          run "$SSH_BIN" "$host" "sudo sed -i -E 's/^([[:space:]]*leader:[[:space:]]*)[\"]?${old}[\"]?[[:space:]]*\$/\\1${new}/' ${APP_DIR}/config.yaml"
        done < <(all_hosts)
        log "every host's config.yaml names ${new}; make the same change in tarantool/config.yaml of the repository"
      fi
      ;;
    lua-layout)
      if [[ "$PLATFORM" == "kubernetes" ]]; then
        # init.lua is baked into the image: fence the cut-off leader through its local console now, and rebuild the
        # image with the new read_only values before any of these pods restarts.
        tnt_local "$old" "box.cfg{read_only = true} return '@@OK=1@@'" >/dev/null || log "WARNING: could not fence ${old}"
        log "set read_only = false for ${new} and true for ${old} in tarantool/init.lua and rebuild the image"
        return 0
      fi
      while IFS= read -r host; do
        run "$SSH_BIN" "$host" "sudo sed -i -E -e '/\\[\"${new}\"\\]/ s/read_only = (true|false)/read_only = false/' -e '/\\[\"${old}\"\\]/ s/read_only = (true|false)/read_only = true/' ${APP_DIR}/init.lua"
      done < <(all_hosts)
      log "every host's init.lua makes ${new} writable and ${old} read-only; make the same change in tarantool/init.lua of the repository"
      ;;
    cartridge)
      # Cartridge keeps the leaders in its clusterwide configuration and distributes it to every instance.
      run "$TT_BIN" replicaset promote "${TT_APP}:${new}" --force
      ;;
  esac
}

# Makes the running members apply the new leader: a config reload (3.x), a live box.cfg (2.11), or, on
# Kubernetes a pod restart in a fixed order: kubelet updates the mounted ConfigMap in every pod at its own
# moment, so the restart (the old leader first) rather than the sync decides when each instance switches.
apply_leader() {
  local new="$1" name
  case "$CONFIG_STYLE" in
    config-yaml)
      if [[ "$PLATFORM" == "kubernetes" ]]; then
        run kubectl delete pod -n "$K8S_NAMESPACE" "$new" --wait=false
      else
        tnt_local "$new" "require('config'):reload() return '@@OK=1@@'" >/dev/null || log "WARNING: config reload failed on ${new}"
        while IFS= read -r name; do
          [[ "$name" == "$new" || "$name" == "$old" ]] && continue
          tnt_local "$name" "require('config'):reload() return '@@OK=1@@'" >/dev/null || log "WARNING: config reload failed on ${name}"
        done < <(all_instances)
      fi
      ;;
    lua-layout) tnt_local "$new" "box.cfg{read_only = false} return '@@OK=1@@'" >/dev/null ;;
    cartridge) : ;;
  esac
}

all_hosts() {
  local entry parts
  for entry in "${INSTANCES[@]}"; do
    read -r -a parts <<<"$entry"
    printf '%s\n' "${parts[2]}"
  done | sort -u
}

all_instances() {
  local entry parts
  for entry in "${INSTANCES[@]}"; do
    read -r -a parts <<<"$entry"
    printf '%s\n' "${parts[0]}"
  done
}

old="$(find_leader "$REPLICASET")" || die "no writable instance in ${REPLICASET}"
ensure_marker_space "$old"
marker_writer_start "$REPLICASET"
run sleep 5
fault="$(now_ms)"
if [[ "$PLATFORM" == "kubernetes" && "$CONFIG_STYLE" != "cartridge" ]]; then
  isolate_instance "$old"
else
  kill_instance "$old"
fi
best=""
best_signature=-1
while IFS= read -r name; do
  [[ "$name" == "$old" ]] && continue
  if is_dry_run; then best="${best:-$name}"; continue; fi
  signature="$(tnt "$name" "return '@@SIG=' .. box.info.signature .. '@@'" | markers SIG)"
  if [[ -n "$signature" ]] && ((signature > best_signature)); then best="$name"; best_signature="$signature"; fi
done < <(members "$REPLICASET")
[[ -n "$best" ]] || die "no replica of ${REPLICASET} is reachable"
log "promoting ${best}: it becomes the leader in the configuration every instance reads"
declare_leader "$old" "$best"
if [[ "$PLATFORM" == "kubernetes" && "$CONFIG_STYLE" == "config-yaml" ]]; then
  # The old leader restarts first, so it reads the new ConfigMap and can only come back read-only.
  run kubectl delete pod -n "$K8S_NAMESPACE" "$old" --wait=false
fi
apply_leader "$best"
promoted_ms="$(wait_until "$PROMOTE_TIMEOUT" is_writable "$best")" || promoted_ms=$((RTO_THRESHOLD * 1000 + 1))
run sleep 5
marker_writer_stop
gap_ms="$(write_gap_ms "$fault")"
rpo_ms="$(lost_ms "$best" "$fault")"
log "${best} writable ${promoted_ms} ms after the promote; longest write gap ${gap_ms} ms"
# Only now, with its own configuration naming the new leader, may the old leader run again.
if [[ "$PLATFORM" == "kubernetes" && "$CONFIG_STYLE" != "cartridge" ]]; then
  heal_instance "$old"
else
  start_instance "$old"
fi
problem=""
if ! is_dry_run; then
  wait_until "$PROMOTE_TIMEOUT" is_running "$old" >/dev/null || problem="old-leader-did-not-return"
  if is_writable "$old"; then problem="${problem:+${problem},}old-leader-writable"; fi
  writable="$(count_writable "$REPLICASET")"
  if ((writable != 1)); then problem="${problem:+${problem},}writable-members-${writable}"; fi
fi
if [[ "$PLATFORM" == "kubernetes" && "$CONFIG_STYLE" == "config-yaml" ]]; then
  log "restart the remaining pods of ${REPLICASET} and the routers one at a time so they read the new ConfigMap (docs/operations.md)"
fi
verdict {{SCENARIO_ID}} "$gap_ms" "$RTO_THRESHOLD" "$rpo_ms" "$RPO_THRESHOLD" "$problem"
""";
}
