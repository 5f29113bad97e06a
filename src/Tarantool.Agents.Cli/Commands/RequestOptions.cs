using System.CommandLine;
using Tarantool.Agents.Intake;

namespace Tarantool.Agents.Cli.Commands;

/// <summary>
/// The request flags shared by plan, intake and prompts render. Values are taken as typed and checked by intake,
/// so a bad value gets the same message whether it came from a flag, the text or a batch file.
/// </summary>
internal sealed class RequestOptions
{
    private static readonly (string Name, string Description)[] Flags =
    [
        ("cluster-name", "Cluster name: lowercase letters, digits and '-' (required, or in the description)."),
        ("cluster-type", "single-instance | replicated | cartridge | sharded | multi-region (required, or in the description)."),
        ("environment", "development | staging | production (required, or in the description)."),
        ("cloud-provider", "on-premises | aws | azure | gcp | kubernetes (default on-premises)."),
        ("ha-strategy", "passive-failover | active-failover | distributed-ha (default active-failover)."),
        ("backup-retention-days", "Days to keep backups (default 30)."),
        ("enable-sharding", "true | false (default false; implied by a sharded cluster or 'N shards')."),
        ("replication-mode", "master-slave | master-master (default master-slave)."),
        ("shard-count", "Number of shards (default 3)."),
        ("replicas", "Instances per replicaset, the leader included, 1-9 (default: from the environment, failover and sites; 3 in production)."),
        ("tarantool-version", "Target Tarantool version: 3.7, 3.6 ... 3.0 or 2.11 (default 3.7)."),
        ("edition", "community | enterprise (default community; Enterprise adds iproto TLS)."),
        ("deployment", "vm | kubernetes (default: kubernetes for kubernetes, aws, azure, gcp; vm for on-premises)."),
        ("rpo", "Recovery point objective: the writes you may lose, e.g. 0, 30s, 5m (default: not stated)."),
        ("rto", "Recovery time objective: how long the service may be down, e.g. 15m, 1h (default: not stated)."),
    ];

    private readonly List<(string Name, Option<string> Option)> _flags;

    public RequestOptions()
    {
        _flags = [.. Flags.Select(f => (f.Name, new Option<string>("--" + f.Name) { Description = f.Description }))];
        Language = new Option<string>("--language") { Description = "Narrative language: auto | en | ru (default auto: the description's language).", DefaultValueFactory = _ => "auto" };
        Language.AcceptOnlyFromAmong("auto", "en", "ru");
        DescriptionFile = new Option<string>("--description-file") { Description = "Read the description from FILE ('-' for standard input)." };
        Description = new Argument<string[]>("description") { Description = "The cluster description, in English or Russian.", Arity = ArgumentArity.ZeroOrMore };
    }

    public Option<string> Language { get; }
    public Option<string> DescriptionFile { get; }
    public Argument<string[]> Description { get; }

    public void AddTo(Command command)
    {
        foreach (var (_, option) in _flags) command.Options.Add(option);
        command.Options.Add(Language);
        command.Options.Add(DescriptionFile);
        command.Arguments.Add(Description);
    }

    public IntakeInput Read(ParseResult parse, TextReader stdin)
    {
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, option) in _flags)
        {
            if (parse.GetResult(option) is { Implicit: false } && parse.GetValue(option) is { } value) flags[name] = value;
        }

        var words = parse.GetValue(Description) ?? [];
        // A lone "--word" argument is a mistyped flag, not prose; flags inside a quoted description are prose
        // (the seed's own invocation form) and intake reads them.
        if (words.FirstOrDefault(w => w.StartsWith('-') && w.Length > 1 && !w.Any(char.IsWhiteSpace)) is { } unknown)
            throw new Input.UserInputException($"Unknown option '{unknown}'. Run 'tarantool-agents {parse.CommandResult.Command.Name} --help' for the options.");
        var description = Input.DescriptionReader.Read(words, parse.GetValue(DescriptionFile), stdin);
        return new IntakeInput(flags, description, parse.GetValue(Language));
    }
}
