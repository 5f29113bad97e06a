using System.Runtime.CompilerServices;
using Tarantool.Agents.Assets;

namespace Tarantool.Agents.Tests.Support;

internal static class TestEnvironment
{
    /// <summary>Tests use the repository's own agents/ and prompts/, wherever the test binaries were built.</summary>
    [ModuleInitializer]
    internal static void UseRepositoryAssets() => Environment.SetEnvironmentVariable(AssetLocator.HomeVariable, RepositoryPaths.Root);
}
