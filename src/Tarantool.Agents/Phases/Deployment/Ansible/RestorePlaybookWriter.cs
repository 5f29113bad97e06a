namespace Tarantool.Agents.Phases.Deployment.Ansible;

/// <summary>
/// Writes <c>deploy/ansible/restore.yml</c>: rebuilds one instance's data from the backup storage with the backup
/// phase's <c>restore.sh</c> (the latest complete backup, or the one given, plus the archived WAL after it). A leader
/// first hands its lead over, so a restore never takes writes down; the old data is moved aside, never deleted.
/// Point-in-time recovery goes to a scratch directory instead (docs/backup-recovery.md).
/// </summary>
internal sealed class RestorePlaybookWriter
{
    public string Write(DeploymentPlan plan)
    {
        var example = plan.BackupSchedule.BackupInstances.FirstOrDefault() ?? plan.Inventory.FirstOrDefault()?.Name ?? "instance";
        return $$$"""
            ---
            # Restore one instance of {{{plan.AppName}}} from the backup storage:
            #   ansible-playbook -i inventory.yml restore.yml -e restore_instance={{{example}}} [-e restore_backup_id=<id>]
            # To rebuild a replica whose leader is healthy, rebootstrapping from the leader is faster: see docs/operations.md.

            - name: "Restore {{ restore_instance | default('(set restore_instance)') }}"
              hosts: "{{ restore_instance | default('restore_instance_is_not_set') }}"
              serial: 1
              become: true
              gather_facts: false
              vars:
                restore_data_dir: "{{ tarantool_data_root }}/{{ tarantool_instance }}"
              tasks:
                - name: "Move the lead off the instance before restoring it"
                  ansible.builtin.import_tasks: {{{AnsibleTasksWriter.MoveLead}}}
                  vars:
                    lead_from: "{{ inventory_hostname }}"
                    lead_to: "{{ tarantool_switchover_to }}"

                - name: "Stop {{ tarantool_instance }}"
                  ansible.builtin.systemd:
                    name: "{{{DeploymentLayout.InstanceService("{{ tarantool_app }}", "{{ tarantool_instance }}")}}}"
                    state: stopped

                - name: "Move the current data of {{ tarantool_instance }} aside"
                  ansible.builtin.command:
                    argv:
                      - mv
                      - "{{ restore_data_dir }}"
                      - "{{ restore_data_dir }}.before-restore"
                    removes: "{{ restore_data_dir }}"
                    creates: "{{ restore_data_dir }}.before-restore"

                - name: "Restore {{ tarantool_instance }} from the backup storage"
                  ansible.builtin.command:
                    argv: "{{ [tarantool_backup_dir + '/restore.sh', tarantool_instance, '--data-dir', restore_data_dir]
                              + (['--backup-id', restore_backup_id] if restore_backup_id is defined else []) }}"
                  environment:
                    TT_APP: "{{ tarantool_app }}"
                    TT_CFG: "{{ tarantool_tt_config }}"
                  become_user: tarantool
                  changed_when: true

                - name: "Start {{ tarantool_instance }}"
                  ansible.builtin.systemd:
                    name: "{{{DeploymentLayout.InstanceService("{{ tarantool_app }}", "{{ tarantool_instance }}")}}}"
                    state: started

                - name: "Check {{ tarantool_instance }}"
                  ansible.builtin.import_tasks: {{{AnsibleTasksWriter.HealthCheck}}}
                  vars:
                    check_instance: "{{ inventory_hostname }}"

            """;
    }
}
