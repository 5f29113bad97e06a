namespace Tarantool.Agents.Models;

/// <summary>The run's token budget is spent.</summary>
public sealed class TokenBudgetExceededException(long budget, long spent)
    : Exception($"the run's token budget of {budget} tokens is spent ({spent} used); raise Model:TokenBudget or resume later");
