using System.ComponentModel;

namespace Tarantool.Agents.Phases.Configuration;

public sealed record ConfigPrivilege(
    [property: Description("read, write, execute, create, alter, drop, usage, session.")] IReadOnlyList<string> Permissions,
    [property: Description("True to grant on the whole universe.")] bool Universe,
    [property: Description("Space names the permissions apply to.")] IReadOnlyList<string> Spaces,
    [property: Description("Lua functions allowed to be called (all = every global non-built-in function).")] IReadOnlyList<string> LuaCall);
