using System.Globalization;

namespace Tarantool.Agents.Phases.Deployment.Ansible;

/// <summary>
/// Writes <c>deploy/ansible/backup.yml</c>: installs the backup phase's scripts and the systemd timers on the machines
/// that host a backup instance (full backup on the backup plan's cron, WAL shipping, restore rehearsal), with the
/// retention passed to the scripts; <c>-e backup_now=true</c> also runs a full backup immediately.
/// </summary>
internal sealed class BackupPlaybookWriter
{
    public string Write(DeploymentPlan plan)
    {
        var schedule = plan.BackupSchedule;
        var timers = new List<string> { DeploymentLayout.BackupTimer, DeploymentLayout.VerifyTimer };
        if (schedule.WalArchiveIntervalSeconds > 0) timers.Insert(1, DeploymentLayout.WalArchiveTimer);
        var units = timers.SelectMany(t => new[] { t.Replace(".timer", ".service", StringComparison.Ordinal), t }).ToList();
        return $$$"""
            ---
            # Backup schedule of {{{plan.AppName}}}: full backup "{{{schedule.FullBackupCron}}}" (UTC), restore rehearsal "{{{schedule.VerificationCron}}}",
            # retention {{{schedule.RetentionDays.ToString(CultureInfo.InvariantCulture)}}} days{{{(schedule.WalArchiveIntervalSeconds > 0 ? $", WAL shipped every {schedule.WalArchiveIntervalSeconds.ToString(CultureInfo.InvariantCulture)} s" : "")}}}.
            #   ansible-playbook -i inventory.yml backup.yml                      # install or update the timers
            #   ansible-playbook -i inventory.yml backup.yml -e backup_now=true   # and take a full backup now

            - name: Install the backup timers where a backup instance runs
              hosts: {{{AnsibleInventoryWriter.NodesGroup}}}
              become: true
              gather_facts: false
              tasks:
                - name: Skip machines without a backup instance
                  ansible.builtin.meta: end_host
                  when: node_backup_instances | length == 0

                - name: Create the backup state directory and the node_exporter textfile directory
                  ansible.builtin.file:
                    path: "{{ item.path }}"
                    state: directory
                    owner: "{{ item.owner }}"
                    group: tarantool
                    mode: "{{ item.mode }}"
                  loop:
                    - { path: {{{DeploymentLayout.BackupStateDir}}}, owner: tarantool, mode: "0750" }
                    - { path: {{{DeploymentLayout.BackupMetricsDir}}}, owner: root, mode: "0775" }

                - name: Install the backup scripts
                  ansible.builtin.copy:
                    src: "{{ tarantool_bundle_dir }}/backup/"
                    dest: "{{ tarantool_backup_dir }}/"
                    owner: tarantool
                    group: tarantool
                    mode: "0750"

                - name: Install the backup job wrapper
                  ansible.builtin.copy:
                    src: "{{ tarantool_bundle_dir }}/deploy/scripts/backup-job.sh"
                    dest: "{{ tarantool_scripts_dir }}/backup-job.sh"
                    owner: root
                    group: tarantool
                    mode: "0750"

                - name: Write the backup job settings
                  ansible.builtin.copy:
                    dest: "{{ tarantool_etc_dir }}/backup.env"
                    owner: root
                    group: tarantool
                    mode: "0640"
                    content: |
                      TT_APP={{ tarantool_app }}
                      TT_CFG={{ tarantool_tt_config }}
                      BACKUP_DIR={{ tarantool_backup_dir }}
                      BACKUP_INSTANCES="{{ node_backup_instances | join(' ') }}"
                      RETENTION_DAYS={{ tarantool_backup_retention_days }}
                      METRICS_FILE={{{DeploymentLayout.BackupMetricsFile}}}

                - name: Install the backup units and timers
                  ansible.builtin.copy:
                    src: "{{ tarantool_bundle_dir }}/deploy/systemd/{{ item }}"
                    dest: "/etc/systemd/system/{{ item }}"
                    owner: root
                    group: root
                    mode: "0644"
                  loop:
            {{{string.Join("\n", units.Select(u => $"        - {u}"))}}}
                  register: tarantool_backup_units

                - name: Reload systemd
                  ansible.builtin.systemd:
                    daemon_reload: true
                  when: tarantool_backup_units is changed

                - name: Enable and start the timers
                  ansible.builtin.systemd:
                    name: "{{ item }}"
                    enabled: true
                    state: started
                  loop:
            {{{string.Join("\n", timers.Select(t => $"        - {t}"))}}}

                - name: Take a full backup now
                  ansible.builtin.systemd:
                    name: {{{DeploymentLayout.BackupService}}}
                    state: started
                  when: backup_now | default(false) | bool

            """;
    }
}
