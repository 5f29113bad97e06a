using System.Text.RegularExpressions;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>One writable instance per replicaset or several; the first mentioned wins.</summary>
internal static partial class ReplicationModePhrases
{
    public static Candidate<ReplicationMode>? Read(string prose) =>
        PhraseSearch.TryEarliest(prose, out var mode,
            (MasterMaster(), ReplicationMode.MasterMaster),
            (MasterSlave(), ReplicationMode.MasterSlave))
            ? Candidate<ReplicationMode>.Ok(mode)
            : null;

    [GeneratedRegex(
        @"\bmaster[\s-]?master\b|\bmulti[\s-]?master\b|\bactive[\s-]active\b|\bмульти[\s-]?мастер\w*|\bмастер[\s-]мастер\w*|\bнескольк\w+\s+мастер\w*",
        Phrase.Options)]
    private static partial Regex MasterMaster();

    [GeneratedRegex(
        @"\bmaster[\s/-]?slave\b|\bleader[\s/-]follower\b|\bsingle[\s-](?:master|leader)\b|\bactive[\s-]passive\b" +
        @"|\bмастер[\s/-]реплик\w*|\bмастер[\s/-]слейв\w*|\b(?:один|одним)\s+мастер\w*",
        Phrase.Options)]
    private static partial Regex MasterSlave();
}
