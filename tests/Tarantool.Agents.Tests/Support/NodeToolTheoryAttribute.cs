namespace Tarantool.Agents.Tests.Support;

/// <summary>The theory form of <see cref="NodeToolFactAttribute"/>: needs node and the tests/tools npm modules.</summary>
public sealed class NodeToolTheoryAttribute : TheoryAttribute
{
    public NodeToolTheoryAttribute()
    {
        if (!ExternalTool.NodeModulesReady && !ExternalTool.IsCi)
            Skip = NodeToolFactAttribute.Reason;
    }
}
