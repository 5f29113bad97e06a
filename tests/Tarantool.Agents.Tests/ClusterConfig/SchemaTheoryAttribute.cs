namespace Tarantool.Agents.Tests.ClusterConfig;

/// <summary>The theory form of <see cref="SchemaFactAttribute"/>.</summary>
public sealed class SchemaTheoryAttribute : TheoryAttribute
{
    public SchemaTheoryAttribute()
    {
        if (SchemaFiles.Directory is null && !ExternalTool.IsCi)
            Skip = "Official Tarantool config schemas not found at ../shared/schemas/tarantool-config/ (relative to the repository root); set CI=true to make this a failure.";
    }
}
