using Tarantool.Agents.Languages;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Tests.Languages;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("Нужен кластер Tarantool с vshard, memtx, failover на Kubernetes")]
    [InlineData("Кластер: `--cluster-name orders --cluster-type sharded` 300 GB")]
    [InlineData("Продакшн кластер orders на 2 ТБ, 4 шарда, Kubernetes, автоматическое переключение")]
    [InlineData("Tarantool-кластер для заказов, RAFT, EKS, 40k RPS")]
    [InlineData("Хотим sharded cluster на AWS, данные растут")]
    [InlineData("Нужен Tarantool 3.4 для orders_service, см. https://github.com/acme/orders-service/blob/main/README.md")]
    [InlineData("кластер для платежей --cluster-type sharded --environment production --cloud-provider aws")]
    public void Russian_prose_is_russian_despite_latin_terms_code_and_flags(string text) =>
        Assert.Equal(Language.Ru, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("Orders DB on Tarantool: ```lua box.cfg{} -- комментарий по-русски ```")]
    [InlineData("Orders DB, 300 GB, 40k read RPS, AWS, 4 shards, production")]
    [InlineData("We need a cluster for payments. Config sample:\n```yaml\n# конфигурация кластера для платежей, очень длинный комментарий\n```")]
    [InlineData("Please name it `заказы_прод` and keep backups for a month")]
    [InlineData("A replicated cluster, see http://пример.рф/документация/кластер")]
    public void English_prose_is_english_despite_cyrillic_code_and_links(string text) =>
        Assert.Equal(Language.En, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("vshard memtx Kubernetes RAFT 300GB")]
    [InlineData("```\nкластер\n```")]
    [InlineData("--cluster-name orders --cluster-type sharded")]
    public void Nothing_left_to_judge_is_english(string text) =>
        Assert.Equal(Language.En, LanguageDetector.Detect(text));

    [Fact]
    public void A_tie_is_english() =>
        // "abc" and "абв": three letters each.
        Assert.Equal(Language.En, LanguageDetector.Detect("abc абв"));

    [Fact]
    public void Mixed_text_takes_the_language_with_more_prose()
    {
        Assert.Equal(Language.Ru, LanguageDetector.Detect("Нужен отказоустойчивый кластер для заказов. Please help."));
        Assert.Equal(Language.En, LanguageDetector.Detect("We need a highly available cluster for the orders service. Спасибо."));
    }

    [Fact]
    public void Decomposed_cyrillic_letters_still_count_as_russian() =>
        // "й" written as "и" + combining breve: the word must still count (8 Cyrillic letters against 4 Latin ones).
        Assert.Equal(Language.Ru, LanguageDetector.Detect("надежныи\u0306 keep"));
}
