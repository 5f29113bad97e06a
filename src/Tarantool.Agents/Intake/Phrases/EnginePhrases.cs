using System.Text.RegularExpressions;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>The storage engine asked for: "vinyl", or "memtx"/"in-memory"; the first mentioned wins.</summary>
internal static partial class EnginePhrases
{
    public static StorageEngine? Read(string prose) =>
        PhraseSearch.TryEarliest(prose, out var engine, (Vinyl(), StorageEngine.Vinyl), (Memtx(), StorageEngine.Memtx))
            ? engine
            : null;

    [GeneratedRegex(@"\bvinyl\b|\bвинил\w*", Phrase.Options)]
    private static partial Regex Vinyl();

    [GeneratedRegex(@"\bmemtx\b|\bin[\s-]memory\b|\bин[\s-]?мемори\b", Phrase.Options)]
    private static partial Regex Memtx();
}
