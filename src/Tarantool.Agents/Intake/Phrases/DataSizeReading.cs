namespace Tarantool.Agents.Intake.Phrases;

/// <summary>
/// The sizes a description gives: the data set today, a growth in size per year ("grows by 2 TB per year") and a
/// projected size ("2 TB in three years"); the last two become a growth rate once today's size is known.
/// </summary>
internal sealed record DataSizeReading(double? Gb, double? GrowthGbPerYear, (double Gb, double Months)? Projected, string? GrowthQuote);
