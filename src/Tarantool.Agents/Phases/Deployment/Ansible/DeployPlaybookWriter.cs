using System.Text;
using Tarantool.Agents.Phases.Documentation;

namespace Tarantool.Agents.Phases.Deployment.Ansible;

/// <summary>
/// Writes <c>deploy/ansible/deploy.yml</c>: installs Tarantool and tt of the target line from the official repository,
/// lays out the tt environment and the application from the bundle's <c>tarantool/</c> (data under its
/// <c>var/lib</c>, where the data disk should be mounted), writes the secrets file from ansible-vault, installs the
/// containers phase's systemd unit template and target from the bundle's <c>systemd/</c>, starts instances that are
/// not running (it never restarts a running one: updates go through rolling-update.yml) and bootstraps sharding once.
/// </summary>
internal sealed class DeployPlaybookWriter
{
    public string Write(DeploymentPlan plan, TarantoolTooling tooling, IReadOnlyList<string> routers, string? stateboardUri, HostTlsFiles tls)
    {
        var major = plan.TarantoolVersion.Split('.')[0];
        // A play variable (on its own line, or nothing) so the operator can still point it elsewhere with -e.
        var tlsSourceVar = tls.Any ? $"    tarantool_tls_source_dir: \"{{{{ playbook_dir }}}}/{HostTlsFiles.SourceDir}\"\n" : "";
        var text = new StringBuilder();
        text.Append($$$"""
            ---
            # First installation and file updates of {{{plan.AppName}}} (Tarantool {{{plan.TarantoolVersion}}}, tt, systemd).
            #   ansible-playbook -i inventory.yml deploy.yml --ask-vault-pass
            # Running instances are not restarted here; apply changes with rolling-update.yml.

            - name: Prepare the machines
              hosts: {{{AnsibleInventoryWriter.NodesGroup}}}
              become: true
              vars:
                tarantool_repo_installer: "https://tarantool.io/release/{{{major}}}/installer.sh"
            {{{tlsSourceVar}}}  tasks:
                - name: Check the operating system
                  ansible.builtin.assert:
                    that:
                      - ansible_facts['os_family'] == 'Debian'
                    fail_msg: "The playbook installs the deb packages of tarantool.io; use Debian or Ubuntu hosts."

                - name: Install the tools the repository installer needs
                  ansible.builtin.apt:
                    name:
                      - curl
                      - ca-certificates
                      - gnupg
                    state: present
                    update_cache: true

                - name: Download the tarantool.io repository installer
                  ansible.builtin.get_url:
                    url: "{{ tarantool_repo_installer }}"
                    dest: /tmp/tarantool-installer.sh
                    mode: "0700"

                - name: Add the Tarantool {{{major}}}.x repository
                  ansible.builtin.command:
                    cmd: bash /tmp/tarantool-installer.sh
                    creates: /etc/apt/sources.list.d/tarantool_{{{major}}}.list

                - name: Install Tarantool {{ tarantool_version }} and tt
                  ansible.builtin.apt:
                    name:
                      - "tarantool={{ tarantool_version }}.*"
                      - tt
                    state: present
                    update_cache: true

                - name: Create the tarantool group
                  ansible.builtin.group:
                    name: tarantool
                    system: true

                - name: Create the tarantool user
                  ansible.builtin.user:
                    name: tarantool
                    group: tarantool
                    system: true
                    shell: /usr/sbin/nologin
                    home: "{{ tarantool_install_dir }}"
                    create_home: false

                - name: Create the directories
                  ansible.builtin.file:
                    path: "{{ item }}"
                    state: directory
                    owner: tarantool
                    group: tarantool
                    mode: "0750"
                  loop:
                    - "{{ tarantool_install_dir }}"
                    - "{{ tarantool_app_dir }}"
                    - "{{ tarantool_data_root }}"
                    - "{{ tarantool_backup_dir }}"
                    - "{{ tarantool_scripts_dir }}"

                - name: Warn when the data directory is not a mount of its own (the disk alerts watch that mount point)
                  ansible.builtin.debug:
                    msg: "{{ tarantool_data_root }} is not a mount point: mount the data disk there before the instances hold data."
                  when: tarantool_data_root not in (ansible_facts['mounts'] | map(attribute='mount') | list)

                - name: Create the configuration directory of the cluster
                  ansible.builtin.file:
                    path: "{{ tarantool_etc_dir }}"
                    state: directory
                    owner: root
                    group: tarantool
                    mode: "0750"

                - name: Install the application, which is also its tt environment (the bundle's tarantool/ directory)
                  ansible.builtin.copy:
                    src: "{{ tarantool_bundle_dir }}/tarantool/"
                    dest: "{{ tarantool_app_dir }}/"
                    owner: tarantool
                    group: tarantool
                    mode: "u=rwX,g=rX,o="

                - name: Write a minimal tt.yaml when the bundle has none
                  ansible.builtin.copy:
                    dest: "{{ tarantool_tt_config }}"
                    force: false
                    owner: tarantool
                    group: tarantool
                    mode: "0640"
                    content: |
                      env:
                        instances_enabled: .

                - name: Install the backup scripts (the bundle's backup/ directory)
                  ansible.builtin.copy:
                    src: "{{ tarantool_bundle_dir }}/backup/"
                    dest: "{{ tarantool_backup_dir }}/"
                    owner: tarantool
                    group: tarantool
                    mode: "0750"

                - name: Install the operations scripts
                  ansible.builtin.copy:
                    src: "{{ tarantool_bundle_dir }}/deploy/scripts/"
                    dest: "{{ tarantool_scripts_dir }}/"
                    owner: root
                    group: tarantool
                    mode: "0750"

                - name: Write the secrets file from ansible-vault
                  ansible.builtin.copy:
                    dest: "{{ tarantool_etc_dir }}/secrets.env"
                    owner: root
                    group: tarantool
                    mode: "0640"
                    content: |

            """);
        foreach (var secret in plan.Secrets)
            text.Append($"                {secret.Variable}={{{{ {VaultVariable(secret.Variable)} }}}}\n");
        if (plan.Secrets.Count == 0) text.Append("                # no secrets\n");
        text.Append("""
                  no_log: true

            """);
        AppendTlsFiles(text, tls);
        text.Append($$$"""
                - name: Install the systemd unit template and target of the instances (the bundle's systemd/ directory)
                  ansible.builtin.copy:
                    src: "{{ tarantool_bundle_dir }}/{{ item }}"
                    dest: "/etc/systemd/system/{{ item | basename }}"
                    owner: root
                    group: root
                    mode: "0644"
                  loop:
                    - {{{DeploymentLayout.BundleUnit(DeploymentLayout.InstanceUnit(plan.AppName))}}}
                    - {{{DeploymentLayout.BundleUnit(DeploymentLayout.InstanceTarget(plan.AppName))}}}
                  register: tarantool_unit

                - name: Reload systemd
                  ansible.builtin.systemd:
                    daemon_reload: true
                  when: tarantool_unit is changed

                - name: Start the enabled instances at boot
                  ansible.builtin.systemd:
                    name: {{{DeploymentLayout.InstanceTarget(plan.AppName)}}}
                    enabled: true

            - name: Start the instances that are not running
              hosts: {{{AnsibleInventoryWriter.InstancesGroup}}}
              become: true
              gather_facts: false
              tasks:
                - name: "Enable and start {{ tarantool_instance }}"
                  ansible.builtin.systemd:
                    name: "{{{DeploymentLayout.InstanceService("{{ tarantool_app }}", "{{ tarantool_instance }}")}}}"
                    enabled: true
                    state: started

                - name: "Wait for iproto on {{ ansible_host }}:{{ tarantool_iproto_port }}"
                  ansible.builtin.wait_for:
                    host: "{{ ansible_host }}"
                    port: "{{ tarantool_iproto_port | int }}"
                    timeout: "{{ tarantool_start_timeout | int }}"

                - name: "Check {{ tarantool_instance }}"
                  ansible.builtin.import_tasks: {{{AnsibleTasksWriter.HealthCheck}}}
                  vars:
                    check_instance: "{{ inventory_hostname }}"

            """);
        AppendBootstrap(text, tooling, routers, stateboardUri, plan);
        return text.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>
    /// Enterprise iproto TLS on hosts: the files the config names are copied from <c>files/tls/</c> next to the
    /// playbooks (ansible's copy decrypts vault-encrypted sources, so keys stay encrypted at rest there) before any
    /// instance starts; an instance whose certificate is missing would refuse to listen.
    /// </summary>
    private static void AppendTlsFiles(StringBuilder text, HostTlsFiles tls)
    {
        if (!tls.Any) return;
        text.Append("""
                - name: Create the directories of the iproto TLS files
                  ansible.builtin.file:
                    path: "{{ item }}"
                    state: directory
                    owner: tarantool
                    group: tarantool
                    mode: "0750"
                  loop:

            """);
        foreach (var dir in tls.Directories) text.Append($"        - {dir}\n");
        var certificates = tls.Files.Where(f => !tls.PrivateKeys.Contains(f)).ToList();
        var keys = tls.Files.Where(tls.PrivateKeys.Contains).ToList();
        if (certificates.Count > 0)
        {
            text.Append("""

                - name: Install the iproto TLS certificates the config names (from files/tls next to the playbooks)
                  ansible.builtin.copy:
                    src: "{{ tarantool_tls_source_dir }}/{{ item.src }}"
                    dest: "{{ item.dest }}"
                    owner: tarantool
                    group: tarantool
                    mode: "0444"
                  loop:

            """);
            foreach (var file in certificates) text.Append($"        - {{ src: {HostTlsFiles.SourceName(file)}, dest: {file} }}\n");
        }
        if (keys.Count > 0)
        {
            text.Append("""

                - name: Install the iproto TLS private keys the config names (vault-encrypted in files/tls, owner-only on the host)
                  ansible.builtin.copy:
                    src: "{{ tarantool_tls_source_dir }}/{{ item.src }}"
                    dest: "{{ item.dest }}"
                    owner: tarantool
                    group: tarantool
                    mode: "0400"
                  loop:

            """);
            foreach (var file in keys) text.Append($"        - {{ src: {HostTlsFiles.SourceName(file)}, dest: {file} }}\n");
            text.Append("      no_log: true\n");
        }
        text.Append('\n');
    }

    /// <summary>The ansible-vault variable holding a secret: <c>TT_APP_PASSWORD</c> → <c>vault_tt_app_password</c>.</summary>
    public static string VaultVariable(string variable) => "vault_" + variable.ToLowerInvariant();

    private static void AppendBootstrap(StringBuilder text, TarantoolTooling tooling, IReadOnlyList<string> routers, string? stateboardUri, DeploymentPlan plan)
    {
        if (tooling == TarantoolTooling.Cartridge)
        {
            var first = plan.Inventory.FirstOrDefault()?.Name ?? "";
            text.Append($$$"""

                - name: Assemble the Cartridge cluster and enable failover (once)
                  hosts: {{{first}}}
                  become: true
                  gather_facts: false
                  tasks:
                    - name: Join the instances into replicasets and bootstrap vshard
                      ansible.builtin.command:
                        argv:
                          - tt
                          - -c
                          - "{{ tarantool_tt_config }}"
                          - cartridge
                          - replicasets
                          - setup
                          - --bootstrap-vshard
                          - --file
                          - "{{ tarantool_app_dir }}/replicasets.yml"
                          - --name
                          - "{{ tarantool_app }}"
                          - --run-dir
                          - "{{ tarantool_app_dir }}/var/run"
                      changed_when: true

                """);
            if (stateboardUri is not null)
                text.Append($$$"""

                        - name: Enable stateful failover with the stateboard
                          ansible.builtin.shell:
                            cmd: >-
                              tt -c "{{ tarantool_tt_config }}" cartridge failover set stateful
                              --state-provider stateboard
                              --provider-params "{\"uri\": \"{{{stateboardUri}}}\", \"password\": \"${TARANTOOL_STATEBOARD_PASSWORD}\"}"
                              --params '{{{ClusterConfig.CartridgeLayout.FailoverParamsJson}}}'
                              --name "{{ tarantool_app }}"
                          environment:
                            TARANTOOL_STATEBOARD_PASSWORD: "{{ vault_tarantool_password }}"
                          no_log: true
                          changed_when: true

                    """);
            return;
        }
        if (routers.Count == 0) return;
        text.Append($$$"""

            - name: Bootstrap vshard (idempotent)
              hosts: {{{routers[0]}}}
              become: true
              gather_facts: false
              tasks:
            {{{AnsibleTasksWriter.Connect("Distribute the buckets over the storages", "inventory_hostname", LuaSnippets.VshardBootstrap, "    ")}}}
                  register: tarantool_vshard
                  changed_when: "'bootstrapped' in tarantool_vshard.stdout"
                  failed_when: "'bootstrapped' not in tarantool_vshard.stdout"

            """);
    }
}
