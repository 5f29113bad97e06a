namespace Tarantool.Agents.Tests.ClusterConfig;

/// <summary>The theory form of <see cref="SchemaFactAttribute"/>.</summary>
public sealed class SchemaTheoryAttribute : TheoryAttribute
{
    public SchemaTheoryAttribute()
    {
        if (SchemaFiles.Directory is null && !ExternalTool.IsCi)
            Skip = SchemaFiles.MissingReason;
    }
}
