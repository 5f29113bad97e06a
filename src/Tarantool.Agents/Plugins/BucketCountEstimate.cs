using System.ComponentModel;

namespace Tarantool.Agents.Plugins;

/// <summary>The result of <c>calculate_bucket_count</c>.</summary>
public sealed record BucketCountEstimate(
    [property: Description("sharding.bucket_count; fixed at bootstrap.")] int BucketCount,
    [property: Description("How it was derived.")] string Formula);
