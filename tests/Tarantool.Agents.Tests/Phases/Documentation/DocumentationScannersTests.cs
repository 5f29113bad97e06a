using Tarantool.Agents.Phases.Documentation;

namespace Tarantool.Agents.Tests.Phases.Documentation;

public sealed class DocumentationScannersTests
{
    [Theory]
    [InlineData("export TT_APP_PASSWORD=hunter2")]
    [InlineData("password: 'Sup3rS3cret'")]
    [InlineData("box.schema.user.passwd('app', 'hunter2')")]
    [InlineData("tt connect admin:hunter2@db-host:3301")]
    [InlineData("ansible-playbook deploy.yml --vault-password hunter2")]
    [InlineData("-----BEGIN OPENSSH PRIVATE KEY-----")]
    [InlineData("aws_access_key: AKIAABCDEFGHIJKLMNOP")]
    public void Secret_scanner_finds_literals(string line) => Assert.NotEmpty(SecretScanner.Find(line));

    [Theory]
    [InlineData("password: '{{ context.replicator_password }}'")]
    [InlineData("TT_REPLICATOR_PASSWORD={{ vault_tt_replicator_password }}")]
    [InlineData("ANSIBLE_VAULT_PASSWORD: ${{ secrets.ANSIBLE_VAULT_PASSWORD }}")]
    [InlineData("# TT_APP_PASSWORD=<password>")]
    [InlineData("password_secret: replicator_password")]
    [InlineData("kubectl create secret generic orders-credentials --from-file=app-password=./app-password.txt")]
    [InlineData("\"password\": \"${TT_STATEBOARD_PASSWORD}\"")]
    [InlineData("printf '%s' \"$ANSIBLE_VAULT_PASSWORD\" > \"$RUNNER_TEMP/vault-pass\"")]
    [InlineData("env: TT_APP_PASSWORD")]
    public void Secret_scanner_accepts_references(string line) => Assert.Empty(SecretScanner.Find(line));

    [Fact]
    public void Tt_command_scanner_reads_application_targets()
    {
        const string code = """
            tt start orders
            tt stop -y orders:db-001-2
            sudo tt -c /opt/tarantool/tt.yaml connect orders:db-001-1 -f - <<'LUA'
            tt replicaset promote --timeout 10 orders:db-001-3
            tt replicaset vshard bootstrap orders
            tt cartridge replicasets join db-001-4 --replicaset db-001 --name orders
            tt play localhost:3399 /restore/xlog/ --timestamp 2025-01-31T11:59:00Z
            tt connect "ledger:$pod" -f -
            tt status
            """;

        var targets = TtCommandScanner.Targets(code).Select(t => $"{t.App}:{t.Instance}").ToList();

        Assert.Equal(["orders:", "orders:db-001-2", "orders:db-001-1", "orders:db-001-3", "orders:", "orders:"], targets);
    }

    [Fact]
    public void Quoted_prose_and_prose_words_are_not_commands()
    {
        const string markdown = """
            Steps as written in the backup plan:

            ```text
            1. Replay the WAL: tt play the archived xlogs up to the moment, then `tt start orders:db-001-1`.
            ```
            """;

        var targets = TtCommandScanner.Targets(MarkdownText.Code(markdown)).Select(t => $"{t.App}:{t.Instance}").ToList();

        Assert.Equal(["orders:db-001-1"], targets);
    }

    [Fact]
    public void Instance_name_scanner_knows_the_topology_and_its_planned_growth()
    {
        var fixture = ClusterFixtures.ShardedManual();
        var names = new InstanceNameScanner(fixture.Topology, fixture.Capacity);

        Assert.Empty(names.Unknown("`storage-001-1`, `storage-001-4`, `storage-004-2`, `storage-006-3`, `router-003-1`, `payments-node-1`"));
        Assert.Equal(["db-001-1", "storage-001-5", "storage-008-1"], names.Unknown("`db-001-1`, `storage-001-5`, `storage-007-1`, `storage-008-1`"));
        Assert.False(names.IsKnownOrPlanned("instance-001"));
    }
}
