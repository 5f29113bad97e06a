using Tarantool.Agents.Phases.CapacityPlanning;

namespace Tarantool.Agents.Expert.CapacityPlanning;

/// <summary>Collects every formula of the plan, in the order it was applied, with its inputs substituted.</summary>
internal sealed class FormulaLog
{
    private readonly List<CapacityFormula> _formulas = [];
    private readonly List<CapacityAssumption> _assumptions = [];

    public IReadOnlyList<CapacityFormula> Formulas => _formulas;

    public IReadOnlyList<CapacityAssumption> Assumptions => _assumptions;

    public void Formula(string name, string expression, string result) => _formulas.Add(new CapacityFormula(name, expression, result));

    public void Assume(string name, string value, string reason) => _assumptions.Add(new CapacityAssumption(name, value, reason));
}
