namespace Tarantool.Agents.Conversation;

/// <summary>Something the last message asked for that the planner did not apply, and tells the user about.</summary>
public enum ConversationNote
{
    /// <summary>A replica count: the plan derives members per replicaset from the environment, failover and sites.</summary>
    ReplicasAreDerived,

    /// <summary>Workload figures in a follow-up: the workload is read from the first message only.</summary>
    WorkloadFromFirstMessage,
}
