namespace Tarantool.Agents.Phases.Configuration;

/// <param name="Permissions">read, write, execute, create, alter, drop, usage, session.</param>
/// <param name="Universe">True to grant on the whole universe.</param>
/// <param name="Spaces">Space names the permissions apply to.</param>
/// <param name="LuaCall">Lua functions allowed to be called (<c>all</c> = every global non-built-in function).</param>
public sealed record ConfigPrivilege(IReadOnlyList<string> Permissions, bool Universe, IReadOnlyList<string> Spaces, IReadOnlyList<string> LuaCall);
