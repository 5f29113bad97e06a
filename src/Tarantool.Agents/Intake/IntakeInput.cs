namespace Tarantool.Agents.Intake;

/// <summary>What the engineer gave: command-line flags and a free-text description of the cluster.</summary>
/// <param name="Flags">
/// Keyed by the CLI flag name without leading dashes ("cluster-name", "cluster-type", "environment",
/// "cloud-provider", "ha-strategy", "backup-retention-days", "enable-sharding", "replication-mode", "shard-count",
/// "tarantool-version"), raw string values as typed by the user. Only flags the user actually gave are present.
/// </param>
/// <param name="Description">The description in English or Russian; may itself contain flags ("--cluster-type sharded").</param>
/// <param name="LanguageOverride">null or "auto" to detect the language from the description; "en" or "ru" to force it.</param>
public sealed record IntakeInput(IReadOnlyDictionary<string, string> Flags, string Description, string? LanguageOverride = null);
