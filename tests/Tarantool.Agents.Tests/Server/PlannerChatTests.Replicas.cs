using System.Text.Json;
using OpenAI.Chat;

namespace Tarantool.Agents.Tests.Server;

/// <summary>Replica and workload follow-ups through the official OpenAI SDK: each starts a new run that applies them.</summary>
public sealed partial class PlannerChatTests
{
    [Fact]
    public async Task Replica_and_workload_follow_ups_replan_with_the_new_count_and_figures()
    {
        List<ChatMessage> history = [];
        var planned = await SayAsync(history, "A sharded production cluster named orders on AWS, 4 shards, 300 GB of data, 20k reads per second");
        Assert.Contains("4 shards × 3 instances", planned);

        var more = await SayAsync(history, "add one more replica");
        var second = RunId(more);
        Assert.NotEqual(RunId(planned), second);
        Assert.Contains("Changed: instances per replicaset (leader included) `3` → `4`", more);
        Assert.Contains("4 shards × 4 instances", more);
        using (var bundle = await BundleJsonAsync(second))
            Assert.Equal(4, bundle.RootElement.GetProperty("request").GetProperty("replicas").GetInt32());
        var config = await _http.GetStringAsync($"{_server.Endpoint}/runs/{second}/files/tarantool/config.yaml");
        Assert.Contains("synchro_quorum: 3", config);

        var bigger = await SayAsync(history, "data will be 600 GB");
        var third = RunId(bigger);
        Assert.Contains("Changed: data size `300 GB` → `600 GB`", bigger);
        Assert.DoesNotContain("read from the first message", bigger);
        using (var bundle = await BundleJsonAsync(third))
        {
            var request = bundle.RootElement.GetProperty("request");
            Assert.Equal(600, request.GetProperty("workload").GetProperty("dataSizeGb").GetDouble());
            Assert.Equal(20_000, request.GetProperty("workload").GetProperty("readRps").GetInt32());
            Assert.Equal(4, request.GetProperty("replicas").GetInt32());
            var capacity = bundle.RootElement.GetProperty("phases").EnumerateArray().Single(p => p.GetProperty("key").GetString() == "capacity-planning");
            Assert.False(capacity.GetProperty("reused").GetBoolean());
        }
    }

    [Fact]
    public async Task A_russian_replica_follow_up_replans_and_says_what_changed_in_russian()
    {
        List<ChatMessage> history = [];
        var planned = await SayAsync(history, "Нужен кластер Tarantool с именем orders для продакшена в AWS, шардированный, 4 шарда, 300 ГБ");
        Assert.Contains("4 шарда × 3 экземпляра", planned);

        var changed = await SayAsync(history, "добавь ещё одну реплику");
        Assert.NotEqual(RunId(planned), RunId(changed));
        Assert.Contains("Изменено: инстансов в наборе реплик (с лидером) `3` → `4`", changed);
        Assert.Contains("4 шарда × 4 экземпляра", changed);
    }
}
