using Tarantool.Agents.Expert.BackupRecovery;
using Tarantool.Agents.Expert.DrTesting;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.DrTesting;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Tests.Phases.BackupRecovery;

namespace Tarantool.Agents.Tests.Phases.DrTesting;

/// <summary>Phase 8 contexts: the hand-built upstream fixtures plus the backup plan the phase 3 expert designs.</summary>
public static class DrFixtures
{
    public static BackupPlan Backup(string fixture) => new BackupRecoveryExpert().Design(BackupFixtures.Context(fixture));

    public static PhaseContext Context(string fixture, Language language = Language.En, BackupPlan? backup = null) =>
        BackupFixtures.Context(fixture, language, backup ?? Backup(fixture));

    public static DrTestPlan Plan(string fixture) => new DrTestingExpert().Design(Context(fixture));
}
