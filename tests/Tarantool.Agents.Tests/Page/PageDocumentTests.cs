using System.Text.Json;
using System.Text.RegularExpressions;
using Tarantool.Agents.Server.Page;

namespace Tarantool.Agents.Tests.Page;

/// <summary>The page's HTML as the server renders it, before any script runs.</summary>
public sealed class PageDocumentTests
{
    [Theory]
    [InlineData("en", "Description", "Plan the cluster")]
    [InlineData("ru", "Описание", "Спроектировать кластер")]
    public void The_first_view_is_rendered_in_the_chosen_language_with_every_placeholder_filled(string language, string label, string button)
    {
        var html = PageDocument.Render(language);

        Assert.Contains($"<html lang=\"{language}\">", html);
        Assert.Contains($">{label}</label>", html);
        Assert.Contains($">{button}</button>", html);
        Assert.DoesNotContain("{{", html);
    }

    [Fact]
    public void Every_text_the_page_names_exists_in_English_and_in_Russian()
    {
        var html = PageDocument.Render("en");
        var script = PageAssets.Text("app.js");
        var named = Regex.Matches(html, "data-i18n=\"([^\"]+)\"").Select(m => m.Groups[1].Value)
            .Concat(Regex.Matches(script, @"\bt\('([a-z0-9.\-]+)'\)").Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();

        Assert.NotEmpty(named);
        foreach (var language in new[] { "en", "ru" })
        {
            var missing = named.Where(key => !PageTexts.Languages[language].ContainsKey(key)).ToList();
            Assert.True(missing.Count == 0, $"{language} lacks: {string.Join(", ", missing)}");
        }

        Assert.Equal(PageTexts.Languages["en"].Keys.Order(), PageTexts.Languages["ru"].Keys.Order());
    }

    [Fact]
    public void The_only_scripts_are_the_pages_own_file_and_inert_json()
    {
        var html = PageDocument.Render("ru");

        var scripts = Regex.Matches(html, "<script[^>]*>").Select(m => m.Value).ToList();
        Assert.Equal(["<script src=\"/page/app.js\" defer>", "<script id=\"page-texts\" type=\"application/json\">"], scripts);
        Assert.DoesNotMatch(" on[a-z]+=", html);
        var json = Regex.Match(html, "<script id=\"page-texts\" type=\"application/json\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        Assert.DoesNotContain("<", json);
        using var texts = JsonDocument.Parse(json);
        Assert.Equal("Описание", texts.RootElement.GetProperty("ru").GetProperty("description.label").GetString());
    }

    [Theory]
    [InlineData("cluster-type", "multi-region")]
    [InlineData("cloud-provider", "on-premises")]
    [InlineData("ha-strategy", "distributed-ha")]
    [InlineData("replication-mode", "master-master")]
    [InlineData("deployment", "kubernetes")]
    [InlineData("tarantool-version", "3.0")]
    public void The_selects_offer_the_request_models_own_spellings(string field, string value)
    {
        Assert.Contains(value, PageDocument.Values(field));
        Assert.Contains($"<option value=\"{value}\">{value}</option>", PageDocument.Render("en"));
    }
}
