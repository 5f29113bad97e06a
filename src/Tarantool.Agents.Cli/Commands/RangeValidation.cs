using System.CommandLine;

namespace Tarantool.Agents.Cli.Commands;

internal static class RangeValidation
{
    /// <summary>Refuses values outside [min, max]; a value that is not a number is System.CommandLine's own parse error.</summary>
    public static Option<int> InRange(this Option<int> option, int min, int max)
    {
        option.Validators.Add(result =>
        {
            if (result.Errors.Any() || result.Tokens.Count == 0) return;
            if (!int.TryParse(result.Tokens[^1].Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)) return;
            if (value < min || value > max) result.AddError($"{option.Name} must be between {min} and {max}.");
        });
        return option;
    }
}
