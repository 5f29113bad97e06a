using System.Text;

namespace Tarantool.Agents.Phases.Deployment.Ansible;

/// <summary>
/// Writes <c>deploy/ansible/rolling-update.yml</c>: replicasets one after another in the plan's order; inside each,
/// one play per instance (<c>serial: 1</c>): the replicas one at a time, then the lead moves to the switchover target
/// and the leader restarts last. Before every restart a replica that happens to lead hands the lead back, so drift since the plan was made
/// (an election moved the leader) never restarts a leader with writes on it. Health is checked after every restart.
/// </summary>
internal sealed class RollingUpdatePlaybookWriter
{
    public string Write(DeploymentPlan plan)
    {
        var text = new StringBuilder();
        text.Append($"""
            ---
            # Zero-downtime rolling update of {plan.AppName}: run after deploy.yml has installed the new files.
            #   ansible-playbook -i inventory.yml rolling-update.yml
            # Order: {string.Join(" -> ", plan.RollingUpdate.Select(r => r.Replicaset))}; inside a replicaset the replicas first,
            # then the switchover, then the leader. Every step waits until the instance is healthy (lag <= tarantool_max_lag).

            """);
        foreach (var step in plan.RollingUpdate)
        {
            var leader = step.Leader;
            var replicas = step.Order.Where(n => n != leader).ToList();
            // One play per replica: plays run strictly in file order, while the host order inside a play is not
            // guaranteed (ansible-core 2.14 varies it between runs), and the order here is the point.
            for (var r = 0; r < replicas.Count; r++)
                text.Append($$$"""
                    - name: "{{{step.Replicaset}}}: restart replica {{{replicas[r]}}} ({{{r + 1}}}/{{{step.Order.Count}}})"
                      hosts: {{{replicas[r]}}}
                      serial: 1
                      gather_facts: false
                      become: true
                      any_errors_fatal: true
                      tasks:
                        - name: "Hand the lead back if this replica leads right now"
                          ansible.builtin.import_tasks: {{{AnsibleTasksWriter.MoveLead}}}
                          vars:
                            lead_from: "{{ inventory_hostname }}"
                            lead_to: "{{ tarantool_leader if tarantool_leader != inventory_hostname else tarantool_switchover_to }}"

                        - name: "Restart the replica"
                          ansible.builtin.import_tasks: {{{AnsibleTasksWriter.RestartInstance}}}


                    """);
            if (string.IsNullOrEmpty(leader) || !step.Order.Contains(leader)) continue;
            var title = step.SwitchoverMethod switch
            {
                SwitchoverMethods.None => $"{step.Replicaset}: restart {leader} (no other member can take the lead)",
                SwitchoverMethods.ReadOnlyWindow => $"{step.Replicaset}: make {leader} read-only, then restart it",
                _ => $"{step.Replicaset}: switch the lead to {step.SwitchoverTo}, then restart {leader} last",
            };
            text.Append($$$"""
                - name: "{{{title}}} ({{{step.Order.Count}}}/{{{step.Order.Count}}})"
                  hosts: {{{leader}}}
                  serial: 1
                  gather_facts: false
                  become: true
                  any_errors_fatal: true
                  tasks:
                    - name: "Move the lead off {{{leader}}} ({{ tarantool_switchover_method }})"
                      ansible.builtin.import_tasks: {{{AnsibleTasksWriter.MoveLead}}}
                      vars:
                        lead_from: "{{ inventory_hostname }}"
                        lead_to: "{{ tarantool_switchover_to }}"

                    - name: "Restart the former leader"
                      ansible.builtin.import_tasks: {{{AnsibleTasksWriter.RestartInstance}}}

                """);
            if (SwitchoverPolicy.SwitchesBack(step.SwitchoverMethod))
                text.Append($$$"""

                        - name: "Give the lead back to {{{leader}}}, so the hosts' configuration matches the bundle again"
                          ansible.builtin.import_tasks: {{{AnsibleTasksWriter.MoveLead}}}
                          vars:
                            lead_from: "{{ tarantool_switchover_to }}"
                            lead_to: "{{ inventory_hostname }}"

                    """);
            text.Append('\n');
        }
        return text.ToString().TrimEnd('\n') + "\n";
    }
}
