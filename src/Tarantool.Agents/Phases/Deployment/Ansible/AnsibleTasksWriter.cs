using Tarantool.Agents.Phases.Documentation;

namespace Tarantool.Agents.Phases.Deployment.Ansible;

/// <summary>
/// Writes the task files the playbooks import: <c>tasks/health-check.yml</c> (wait until an instance follows its
/// upstreams under the lag limit), <c>tasks/restart-instance.yml</c> and <c>tasks/move-lead.yml</c> (move the lead
/// from <c>lead_from</c> to <c>lead_to</c> with the replicaset's switchover method, then wait until the old leader is
/// read-only). Every Tarantool call goes through the local console socket: <c>tt connect app:instance -f -</c>.
/// </summary>
internal sealed class AnsibleTasksWriter
{
    public const string HealthCheck = "tasks/health-check.yml";
    public const string RestartInstance = "tasks/restart-instance.yml";
    public const string MoveLead = "tasks/move-lead.yml";

    public IEnumerable<(string Name, string Content)> Write(TarantoolTooling tooling)
    {
        yield return (HealthCheck, HealthCheckTasks(tooling));
        yield return (RestartInstance, RestartTasks(tooling));
        yield return (MoveLead, MoveLeadTasks(tooling));
    }

    /// <summary>A task that pipes Lua into tt connect on <paramref name="instanceVar"/>'s machine.</summary>
    internal static string Connect(string name, string instanceVar, string lua, string indent = "") =>
        $$$"""
        {{{indent}}}- name: "{{{name}}}"
        {{{indent}}}  ansible.builtin.command:
        {{{indent}}}    argv:
        {{{indent}}}      - tt
        {{{indent}}}      - -c
        {{{indent}}}      - "{{ tarantool_tt_config }}"
        {{{indent}}}      - connect
        {{{indent}}}      - "{{ tarantool_app }}:{{ {{{instanceVar}}} }}"
        {{{indent}}}      - -f
        {{{indent}}}      - "-"
        {{{indent}}}    stdin: {{{Block(lua, indent + "      ")}}}
        {{{indent}}}  delegate_to: "{{ {{{instanceVar}}} }}"
        """;

    /// <summary>Short Lua stays a quoted scalar; multi-line Lua becomes a literal block indented under the key.</summary>
    private static string Block(string lua, string indent) =>
        lua.Contains('\n') ? "|\n" + string.Join("\n", lua.Split('\n').Select(l => indent + l)) : YamlText.Quote(lua);

    private static string HealthCheckTasks(TarantoolTooling tooling) =>
        $$$"""
        ---
        # Waits until check_instance runs, follows every upstream with lag under tarantool_max_lag
        # and (Tarantool 3.x) has applied its configuration.
        {{{Connect("Wait until {{ check_instance }} is healthy", "check_instance", LuaSnippets.Health(tooling, "{{ tarantool_max_lag }}"))}}}
          register: tarantool_health
          until: "'{{{LuaSnippets.HealthyMarker}}}' in tarantool_health.stdout"
          retries: "{{ (tarantool_start_timeout | int) // 5 }}"
          delay: 5
          changed_when: false

        """;

    private static string RestartTasks(TarantoolTooling tooling) =>
        $$$"""
        ---
        # Restarts the play's instance through systemd and waits until it is back and caught up.
        - name: "Restart {{ tarantool_instance }}"
          ansible.builtin.systemd:
            name: "{{{DeploymentLayout.InstanceService("{{ tarantool_app }}", "{{ tarantool_instance }}")}}}"
            state: restarted

        - name: "Wait for iproto on {{ ansible_host }}:{{ tarantool_iproto_port }}"
          ansible.builtin.wait_for:
            host: "{{ ansible_host }}"
            port: "{{ tarantool_iproto_port | int }}"
            timeout: "{{ tarantool_start_timeout | int }}"

        {{{Connect("Wait until {{ tarantool_instance }} is healthy", "tarantool_instance", LuaSnippets.Health(tooling, "{{ tarantool_max_lag }}"))}}}
          register: tarantool_health
          until: "'{{{LuaSnippets.HealthyMarker}}}' in tarantool_health.stdout"
          retries: "{{ (tarantool_start_timeout | int) // 5 }}"
          delay: 5
          changed_when: false

        """;

    private static string MoveLeadTasks(TarantoolTooling tooling)
    {
        var health = LuaSnippets.Health(tooling, "{{ tarantool_max_lag }}");
        var methods = tooling switch
        {
            TarantoolTooling.DeclarativeConfig => PromoteTasks() + "\n" + ConfigLeaderTasks(),
            TarantoolTooling.BoxCfg => PromoteTasks() + "\n" + ReadOnlyTasks(),
            _ => CartridgeTasks(),
        };
        return $$$"""
            ---
            # Moves the lead of tarantool_replicaset from lead_from to lead_to with tarantool_switchover_method,
            # then waits until lead_from is read-only. Does nothing when lead_from does not lead right now.
            {{{Connect("Read the role of {{ lead_from }}", "lead_from", LuaSnippets.Role)}}}
              register: tarantool_lead_role
              changed_when: false

            - name: "Move the lead of {{ tarantool_replicaset }} from {{ lead_from }} to {{ lead_to }}"
              when:
                - "'{{{LuaSnippets.LeaderMarker}}}' in tarantool_lead_role.stdout"
                - tarantool_switchover_method != 'none'
                - lead_to | length > 0 or tarantool_switchover_method == 'read-only-window'
              block:
            {{{Connect("Wait until {{ lead_to | default(lead_from, true) }} has caught up", "lead_to | default(lead_from, true)", health, "    ")}}}
                  register: tarantool_candidate_health
                  until: "'{{{LuaSnippets.HealthyMarker}}}' in tarantool_candidate_health.stdout"
                  retries: 60
                  delay: 5
                  changed_when: false

            {{{methods}}}
            {{{Connect("Wait until {{ lead_from }} is read-only", "lead_from", LuaSnippets.Role, "    ")}}}
                  register: tarantool_old_role
                  until: "'{{{LuaSnippets.ReplicaMarker}}}' in tarantool_old_role.stdout"
                  retries: 30
                  delay: 2
                  changed_when: false

            """;
    }

    private static string PromoteTasks() =>
        $$$"""
        {{{Connect("Promote {{ lead_to }} with box.ctl.promote()", "lead_to", LuaSnippets.Promote, "    ")}}}
              when: tarantool_switchover_method == 'promote'
              register: tarantool_promote
              changed_when: "'{{{LuaSnippets.PromotedMarker}}}' in tarantool_promote.stdout"
              failed_when: "'{{{LuaSnippets.PromotedMarker}}}' not in tarantool_promote.stdout"

        """;

    private static string ConfigLeaderTasks() =>
        $$$"""
            - name: "Set leader: {{ lead_to }} for {{ tarantool_replicaset }} in config.yaml on every node"
              when: tarantool_switchover_method == 'config-leader'
              ansible.builtin.replace:
                path: "{{ tarantool_app_dir }}/config.yaml"
                regexp: '^(\s*leader:\s*)["'']?{{ lead_from }}["'']?\s*$'
                replace: '\g<1>{{ lead_to }}'
              delegate_to: "{{ item }}"
              loop: "{{ groups['tarantool_nodes'] }}"

        {{{Connect("Reload the config on {{ lead_from }} first, so it steps down before anyone steps up", "lead_from", LuaSnippets.Reload, "    ")}}}
              when: tarantool_switchover_method == 'config-leader'
              register: tarantool_reload_old
              changed_when: true
              failed_when: "'{{{LuaSnippets.ReloadedMarker}}}' not in tarantool_reload_old.stdout"

        {{{Connect("Reload the config on {{ lead_to }}", "lead_to", LuaSnippets.Reload, "    ")}}}
              when: tarantool_switchover_method == 'config-leader'
              register: tarantool_reload_new
              changed_when: true
              failed_when: "'{{{LuaSnippets.ReloadedMarker}}}' not in tarantool_reload_new.stdout"

        {{{Connect("Reload the config on the other instances (routers learn the new master)", "item", LuaSnippets.Reload, "    ")}}}
              when: tarantool_switchover_method == 'config-leader'
              loop: "{{ groups['tarantool'] | difference([lead_from, lead_to]) }}"
              register: tarantool_reload_rest
              changed_when: true

        """;

    private static string ReadOnlyTasks() =>
        $$$"""
        {{{Connect("Make {{ lead_from }} read-only while it restarts (2.11, manual failover)", "lead_from", LuaSnippets.ReadOnly, "    ")}}}
              when: tarantool_switchover_method == 'read-only-window'
              register: tarantool_read_only
              changed_when: true
              failed_when: "'{{{LuaSnippets.ReadOnlyMarker}}}' not in tarantool_read_only.stdout"

        """;

    private static string CartridgeTasks() =>
        $$$"""
        {{{Connect("Promote {{ lead_to }} through Cartridge stateful failover", "lead_to", LuaSnippets.CartridgePromote("'{{ lead_to }}'"), "    ")}}}
              when: tarantool_switchover_method == 'failover-promote'
              register: tarantool_promote
              changed_when: "'{{{LuaSnippets.PromotedMarker}}}' in tarantool_promote.stdout"
              failed_when: "'{{{LuaSnippets.PromotedMarker}}}' not in tarantool_promote.stdout"

            - name: "Put {{ lead_to }} first in the failover priority of {{ tarantool_replicaset }}"
              when: tarantool_switchover_method == 'failover-priority'
              ansible.builtin.command:
                argv:
                  - tt
                  - -c
                  - "{{ tarantool_tt_config }}"
                  - cartridge
                  - replicasets
                  - set-failover-priority
                  - "{{ lead_to }}"
                  - "{{ lead_from }}"
                  - --replicaset
                  - "{{ tarantool_replicaset }}"
                  - --name
                  - "{{ tarantool_app }}"
                  - --run-dir
                  - "{{ tarantool_app_dir }}/var/run"
              delegate_to: "{{ lead_to }}"
              changed_when: true

        """;
}
