using System.ComponentModel;

namespace Tarantool.Agents.Phases.Containers;

/// <summary>The container image built from the official Tarantool image and the application under <c>tarantool/</c>.</summary>
public sealed record ContainerImagePlan
{
    [Description("The official base image with its tag, e.g. tarantool/tarantool:3.7; the tag's major.minor equals the requested Tarantool version.")]
    public required string BaseImage { get; init; }

    [Description("The image this bundle builds, e.g. orders-tarantool:3.7; push it to your registry.")]
    public required string ImageName { get; init; }

    [Description("Where the application (the bundle's tarantool/ folder) lives inside the image.")]
    public required string AppDirectory { get; init; }

    [Description("Where snapshots, WAL and vinyl files live (the data volume's mount point).")]
    public required string DataDirectory { get; init; }

    [Description("Numeric user id the process runs as (also the volume's fsGroup).")]
    public required int RunAsUser { get; init; }

    [Description("Lua rocks installed at build time (e.g. metrics-export-role), in install order.")]
    public required IReadOnlyList<string> Rocks { get; init; }
}
