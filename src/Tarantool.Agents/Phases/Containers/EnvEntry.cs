namespace Tarantool.Agents.Phases.Containers;

/// <summary>One environment variable of an instance: a literal value, the pod name, or a secret reference.</summary>
public sealed record EnvEntry(string Name, string Value, SecretReference? Secret = null, bool FromPodName = false);
