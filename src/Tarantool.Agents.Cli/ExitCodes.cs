namespace Tarantool.Agents.Cli;

/// <summary>Process exit codes: 2 is always the user's input, 1 a run that failed after it started.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int RunFailed = 1;
    public const int BadInput = 2;
}
