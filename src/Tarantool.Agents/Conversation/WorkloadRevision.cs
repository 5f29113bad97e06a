using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Tarantool.Agents.Intake.Phrases;
using Tarantool.Agents.Languages;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Conversation;

/// <summary>
/// Workload figures a follow-up states ("data will be 200 GB", "writes grow to 20k/s", "объём данных 300 ГБ") replace
/// the first message's. The workload lives in the description (a run is its parameters and its description), so the
/// description is revised: in each sentence that states a replaced figure, the figures the intake placed are taken
/// out (the sentence's other words stay), and one closing sentence states, in the description's language and in words
/// the intake reads back, the new figures and the ones that shared a sentence with them. Deterministic: the same
/// conversation gives the same description.
/// </summary>
internal static partial class WorkloadRevision
{
    private const string DataSize = "dataSizeGb";
    private const string RecordCount = "recordCount";
    private const string AverageRecord = "averageRecordBytes";
    private const string ReadRps = "readRps";
    private const string WriteRps = "writeRps";
    private const string Growth = "growthPercentPerYear";
    private const string Horizon = "horizonMonths";

    /// <summary>The figures a follow-up may replace, in the order they are stated; the engine and the regions stay the first message's.</summary>
    private static readonly string[] Order = [DataSize, RecordCount, AverageRecord, ReadRps, WriteRps, Growth, Horizon];

    /// <summary>The figures a follow-up may replace (request field names).</summary>
    public static IReadOnlySet<string> Revisable { get; } = new HashSet<string>(Order, StringComparer.Ordinal);

    /// <summary>The figures so far with <paramref name="fields"/> of <paramref name="later"/> replacing theirs.</summary>
    public static Workload Merge(Workload earlier, Workload later, IEnumerable<string> fields)
    {
        var merged = earlier;
        foreach (var field in fields)
        {
            merged = field switch
            {
                DataSize => merged with { DataSizeGb = later.DataSizeGb },
                RecordCount => merged with { RecordCount = later.RecordCount },
                AverageRecord => merged with { AverageRecordBytes = later.AverageRecordBytes },
                ReadRps => merged with { ReadRps = later.ReadRps },
                WriteRps => merged with { WriteRps = later.WriteRps },
                Growth => merged with { GrowthPercentPerYear = later.GrowthPercentPerYear },
                Horizon => merged with { HorizonMonths = later.HorizonMonths },
                _ => merged,
            };
        }

        return merged;
    }

    /// <summary>The first message with <paramref name="fields"/> restated as <paramref name="figures"/> gives them.</summary>
    public static string Apply(string firstMessage, Workload figures, IReadOnlyCollection<string> fields)
    {
        var ru = LanguageDetector.Detect(firstMessage) == Language.Ru;
        var text = DescriptionText.Normalize(firstMessage);
        var revised = new StringBuilder(text.Length + 120);
        var kept = new Workload();
        var keptFields = new List<string>();
        var at = 0;
        foreach (Match sentence in Sentence().Matches(text))
        {
            revised.Append(text, at, sentence.Index - at);
            at = sentence.Index + sentence.Length;
            var words = sentence.Value;
            var notes = new ProseNotes();
            var reading = WorkloadReader.Read(words, notes);
            // Code and links are not prose: a sentence holding them is left as it is.
            if (!reading.FoundFields.Any(fields.Contains) || DescriptionText.Prose(words) != words)
            {
                revised.Append(words);
                continue;
            }

            foreach (var (start, end) in notes.Placed) words = DescriptionText.Blank(words, start, end - start);
            var others = reading.FoundFields.Where(f => Revisable.Contains(f) && !fields.Contains(f)).ToList();
            kept = Merge(kept, reading.Workload, others);
            keptFields.AddRange(others);
            revised.Append(Tidy(words));
        }

        revised.Append(text, at, text.Length - at);
        var stated = Merge(kept, figures, fields);
        var order = Order.Where(f => fields.Contains(f) || keptFields.Contains(f));
        var phrases = order.Select(f => Phrase(f, stated, ru)).OfType<string>().ToList();
        if (phrases.Count == 0) return revised.ToString();
        return revised.ToString().TrimEnd() + "\n\n" + (ru ? "Нагрузка: " : "Workload: ") + string.Join("; ", phrases) + ".";
    }

    /// <summary>The figures a follow-up changed, as "data-size 300 GB → 200 GB".</summary>
    public static IEnumerable<ConversationChange> Changes(Workload? before, Workload? after)
    {
        if (before is null || after is null) yield break;
        foreach (var field in Order)
        {
            var (from, to) = (Show(field, before), Show(field, after));
            if (to is not null && from != to) yield return new ConversationChange(ChangeName(field), from, to);
        }
    }

    /// <summary>The name a change reports: "data-size", "write-rps" (<see cref="ConversationReplies.FieldName"/> words it).</summary>
    private static string ChangeName(string field) => field switch
    {
        DataSize => "data-size",
        RecordCount => "record-count",
        AverageRecord => "average-record-bytes",
        ReadRps => "read-rps",
        WriteRps => "write-rps",
        Growth => "growth",
        _ => "horizon-months",
    };

    private static string? Show(string field, Workload w) => field switch
    {
        DataSize => w.DataSizeGb is { } gb ? Number(gb) + " GB" : null,
        RecordCount => w.RecordCount?.ToString(CultureInfo.InvariantCulture),
        AverageRecord => w.AverageRecordBytes is { } b ? b.ToString(CultureInfo.InvariantCulture) + " B" : null,
        ReadRps => w.ReadRps is { } r ? r.ToString(CultureInfo.InvariantCulture) + "/s" : null,
        WriteRps => w.WriteRps is { } r ? r.ToString(CultureInfo.InvariantCulture) + "/s" : null,
        Growth => w.GrowthPercentPerYear is { } g ? Number(g) + "%/year" : null,
        _ => w.HorizonMonths?.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A figure in words the intake's readers take back to the same value.</summary>
    private static string? Phrase(string field, Workload w, bool ru) => field switch
    {
        DataSize => w.DataSizeGb is { } gb ? (ru ? $"объем данных {Number(gb)} ГБ" : $"{Number(gb)} GB of data") : null,
        RecordCount => w.RecordCount is { } n ? (ru ? $"{n.ToString(CultureInfo.InvariantCulture)} кортежей в базе" : $"{n.ToString(CultureInfo.InvariantCulture)} records") : null,
        AverageRecord => w.AverageRecordBytes is { } b ? (ru ? $"средний размер записи {b.ToString(CultureInfo.InvariantCulture)} байт" : $"average record {b.ToString(CultureInfo.InvariantCulture)} bytes") : null,
        ReadRps => w.ReadRps is { } r ? (ru ? $"{r.ToString(CultureInfo.InvariantCulture)} чтений в секунду" : $"{r.ToString(CultureInfo.InvariantCulture)} reads per second") : null,
        WriteRps => w.WriteRps is { } r ? (ru ? $"{r.ToString(CultureInfo.InvariantCulture)} записей в секунду" : $"{r.ToString(CultureInfo.InvariantCulture)} writes per second") : null,
        Growth => w.GrowthPercentPerYear is { } g ? (ru ? $"рост {Number(g)}% в год" : $"growing {Number(g)}% per year") : null,
        _ => w.HorizonMonths is { } m ? (ru ? $"горизонт планирования {m.ToString(CultureInfo.InvariantCulture)} месяцев" : $"planning horizon {m.ToString(CultureInfo.InvariantCulture)} months") : null,
    };

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>What blanking leaves: runs of spaces and punctuation with nothing between them.</summary>
    private static string Tidy(string words) => Spaces().Replace(Orphans().Replace(words, "$1"), " ");

    // A full stop ends a sentence only before a space or the end: "1.5 TB" is one figure.
    [GeneratedRegex(@"(?:[^.!?\n]|[.!?](?=[^\s.!?]))+[.!?]*", RegexOptions.CultureInvariant)]
    private static partial Regex Sentence();

    [GeneratedRegex(@"(?:\s*[,;:]\s*)+([,;.!?:]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Orphans();

    [GeneratedRegex(@"[ ]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
