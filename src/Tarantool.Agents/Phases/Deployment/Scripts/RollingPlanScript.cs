namespace Tarantool.Agents.Phases.Deployment.Scripts;

/// <summary>
/// The shell side of the rolling update shared by the VM and Kubernetes scripts: the plan as a bash array, the Lua
/// snippets, and the loop that restarts replicas first and leaders last. Only the switchover methods the plan uses are
/// emitted, so every variable and function is used. The caller supplies the transport functions
/// <c>lua INSTANCE CODE</c>, <c>restart INSTANCE</c> and, for the methods that need them, <c>set_config_leader FROM TO</c>
/// and <c>set_failover_priority FIRST SECOND REPLICASET</c>.
/// </summary>
internal static class RollingPlanScript
{
    public static ISet<string> Methods(DeploymentPlan plan) => plan.RollingUpdate.Select(r => r.SwitchoverMethod).ToHashSet(StringComparer.Ordinal);

    public static string Plan(DeploymentPlan plan) =>
        "# replicaset|leader|switchover target|switchover method|replicas in restart order\n"
        + ShellText.Array("PLAN", plan.RollingUpdate.Select(step =>
            string.Join("|", step.Replicaset, step.Leader, step.SwitchoverTo, step.SwitchoverMethod,
                string.Join(" ", step.Order.Where(n => n != step.Leader)))));

    public static string LuaVariables(DeploymentPlan plan, Documentation.TarantoolTooling tooling, bool kubernetes)
    {
        var methods = Methods(plan);
        var lines = new List<string>
        {
            $"LUA_HEALTH=\"{LuaSnippets.Health(tooling, "${MAX_LAG}")}\"",
            $"LUA_ROLE=\"{LuaSnippets.Role}\"",
        };
        if (methods.Contains(SwitchoverMethods.Promote)) lines.Add($"LUA_PROMOTE=\"{LuaSnippets.Promote}\"");
        if (methods.Contains(SwitchoverMethods.ConfigLeader) && !kubernetes) lines.Add($"LUA_RELOAD=\"{LuaSnippets.Reload}\"");
        if (methods.Contains(SwitchoverMethods.ReadOnlyWindow)) lines.Add($"LUA_READ_ONLY=\"{LuaSnippets.ReadOnly}\"");
        return string.Join("\n", lines) + "\n";
    }

    /// <summary>Functions built on <c>lua</c>: health wait, role checks, the lead move and the plan loop.</summary>
    public static string Functions(DeploymentPlan plan, bool kubernetes)
    {
        var methods = Methods(plan);
        var cartridgePromote = methods.Contains(SwitchoverMethods.FailoverPromote)
            ? "cartridge_promote_lua() {\n  printf '%s' \"" + LuaSnippets.CartridgePromote("'$1'") + "\"\n}\n\n"
            : "";
        return $$"""
            wait_healthy() {
              local instance="$1"
              local deadline=$((SECONDS + START_TIMEOUT))
              until [[ "$(lua "$instance" "$LUA_HEALTH" 2>/dev/null || true)" == *healthy* ]]; do
                if ((SECONDS >= deadline)); then
                  echo "${instance} is not healthy after ${START_TIMEOUT}s" >&2
                  return 1
                fi
                sleep 5
              done
              echo "healthy: ${instance}"
            }

            is_leader() {
              [[ "$(lua "$1" "$LUA_ROLE")" == *role:leader* ]]
            }

            wait_read_only() {
              local instance="$1"
              local attempt
              for attempt in $(seq 1 30); do
                if [[ "$(lua "$instance" "$LUA_ROLE")" == *role:replica* ]]; then
                  return 0
                fi
                echo "waiting for ${instance} to become read-only (${attempt}/30)"
                sleep 2
              done
              echo "${instance} still accepts writes" >&2
              return 1
            }

            {{cartridgePromote}}# move_lead FROM TO METHOD REPLICASET: moves the lead off FROM when FROM leads right now.
            move_lead() {
              local from="$1" to="$2" method="$3" replicaset="$4"
              if [ "$method" = none ] || ! is_leader "$from"; then
                return 0
              fi
              if [ -n "$to" ]; then
                wait_healthy "$to"
              fi
              echo "moving the lead of ${replicaset} from ${from} to ${to:-nobody} (${method})"
              case "$method" in
            {{MethodCases(methods, kubernetes)}}
                *)
                  echo "unknown switchover method ${method}" >&2
                  return 1
                  ;;
              esac
              wait_read_only "$from"
            }

            run_plan() {
              local entry replicaset leader target method replicas replica
              local -a replica_list
              for entry in "${PLAN[@]}"; do
                IFS='|' read -r replicaset leader target method replicas <<<"$entry"
                read -r -a replica_list <<<"$replicas"
                echo "== ${replicaset}"
                for replica in "${replica_list[@]}"; do
                  move_lead "$replica" "$leader" "$method" "$replicaset"
                  restart "$replica"
                done
                if [ -n "$leader" ]; then
                  move_lead "$leader" "$target" "$method" "$replicaset"
                  restart "$leader"
                  if [ "$method" = config-leader ] || [ "$method" = failover-priority ]; then
                    move_lead "$target" "$leader" "$method" "$replicaset"
                  fi
                fi
              done
              echo "rolling restart of ${APP} finished"
            }

            """;
    }

    private static string MethodCases(ISet<string> methods, bool kubernetes)
    {
        var cases = new List<string>();
        if (methods.Contains(SwitchoverMethods.Promote))
            cases.Add("""
                    promote)
                      [[ "$(lua "$to" "$LUA_PROMOTE")" == *promoted* ]] || { echo "box.ctl.promote() on ${to} failed" >&2; return 1; }
                      ;;
                """);
        if (methods.Contains(SwitchoverMethods.ConfigLeader))
            cases.Add(kubernetes
                ? """
                        config-leader)
                          set_config_leader "$from" "$to"
                          ;;
                    """
                : """
                        config-leader)
                          set_config_leader "$from" "$to"
                          lua "$from" "$LUA_RELOAD" >/dev/null
                          lua "$to" "$LUA_RELOAD" >/dev/null
                          local other
                          for other in "${ALL_INSTANCES[@]}"; do
                            if [ "$other" != "$from" ] && [ "$other" != "$to" ]; then
                              lua "$other" "$LUA_RELOAD" >/dev/null
                            fi
                          done
                          ;;
                    """);
        if (methods.Contains(SwitchoverMethods.ReadOnlyWindow))
            cases.Add("""
                    read-only-window)
                      lua "$from" "$LUA_READ_ONLY" >/dev/null
                      ;;
                """);
        if (methods.Contains(SwitchoverMethods.FailoverPromote))
            cases.Add("""
                    failover-promote)
                      [[ "$(lua "$to" "$(cartridge_promote_lua "$to")")" == *promoted* ]] || { echo "failover_promote of ${to} failed" >&2; return 1; }
                      ;;
                """);
        if (methods.Contains(SwitchoverMethods.FailoverPriority))
            cases.Add("""
                    failover-priority)
                      set_failover_priority "$to" "$from" "$replicaset"
                      ;;
                """);
        if (cases.Count == 0)
            cases.Add("""
                    none)
                      echo "nothing to move"
                      ;;
                """);
        return string.Join("\n", cases);
    }
}
