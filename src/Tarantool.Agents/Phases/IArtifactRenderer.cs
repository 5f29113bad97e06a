namespace Tarantool.Agents.Phases;

/// <summary>Writes the files of one phase from its typed output, deterministically.</summary>
public interface IArtifactRenderer<in TOutput> where TOutput : class
{
    IEnumerable<BundleFile> Render(TOutput output, PhaseContext context);
}
