namespace Tarantool.Agents.Phases.Containers;

/// <summary>The container image built from the official Tarantool image and the application under <c>tarantool/</c>.</summary>
public sealed record ContainerImagePlan
{
    /// <summary>The official base image with its tag, e.g. <c>tarantool/tarantool:3.7</c>; the tag's major.minor
    /// equals the requested Tarantool version.</summary>
    public required string BaseImage { get; init; }

    /// <summary>The image this bundle builds, e.g. <c>orders-tarantool:3.7</c>; push it to your registry.</summary>
    public required string ImageName { get; init; }

    /// <summary>Where the application (the bundle's <c>tarantool/</c> folder) lives inside the image.</summary>
    public required string AppDirectory { get; init; }

    /// <summary>Where snapshots, WAL and vinyl files live (the data volume's mount point).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Numeric user id the process runs as (also the volume's fsGroup).</summary>
    public required int RunAsUser { get; init; }

    /// <summary>Lua rocks installed at build time (e.g. <c>metrics-export-role</c>), in install order.</summary>
    public required IReadOnlyList<string> Rocks { get; init; }
}
