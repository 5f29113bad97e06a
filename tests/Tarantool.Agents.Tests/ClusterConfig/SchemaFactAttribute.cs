namespace Tarantool.Agents.Tests.ClusterConfig;

/// <summary>A fact (or theory) needing the official config schemas: fails when CI=true and they are absent, else skips visibly.</summary>
public sealed class SchemaFactAttribute : FactAttribute
{
    public SchemaFactAttribute()
    {
        if (SchemaFiles.Directory is null && !ExternalTool.IsCi)
            Skip = SchemaFiles.MissingReason;
    }
}
