namespace Tarantool.Agents.Cli.Input;

/// <summary>Input the command cannot use; the message says what to change. Exits with code 2, nothing written.</summary>
internal sealed class UserInputException(string message) : Exception(message);
