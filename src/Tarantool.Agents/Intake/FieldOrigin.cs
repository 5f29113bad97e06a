namespace Tarantool.Agents.Intake;

/// <summary>Where a raw value was found; decides the wording of its error messages and its <c>ValueSource</c>.</summary>
internal enum FieldOrigin
{
    /// <summary>A flag on the command line.</summary>
    CommandLine,

    /// <summary>A flag written inside the description ("setup: --cluster-type sharded").</summary>
    DescriptionFlag,

    /// <summary>A phrase of the description ("4 shards", "хранить бэкапы 60 дней").</summary>
    DescriptionText,

    /// <summary>A model's reading of the description (LLM-backed intake).</summary>
    Model,
}
