using System.Globalization;

namespace Tarantool.Agents.Phases.Containers;

/// <summary>Kubernetes resource quantities in their canonical spelling.</summary>
public static class KubernetesQuantities
{
    public static string Cpu(int millicores) =>
        millicores % 1000 == 0 ? (millicores / 1000).ToString(CultureInfo.InvariantCulture) : $"{millicores.ToString(CultureInfo.InvariantCulture)}m";

    public static string MemoryMib(int mib) => $"{mib.ToString(CultureInfo.InvariantCulture)}Mi";

    public static string StorageGib(int gib) => $"{gib.ToString(CultureInfo.InvariantCulture)}Gi";
}
