namespace Tarantool.Agents.Expert.CloudVms;

/// <summary>One machine type of a cloud: its name, vCPUs and memory.</summary>
internal sealed record CloudVmType(string Name, int Vcpus, int MemoryGib);
