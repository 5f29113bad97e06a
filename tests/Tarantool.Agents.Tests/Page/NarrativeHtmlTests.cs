using Tarantool.Agents.Server.Page;

namespace Tarantool.Agents.Tests.Page;

/// <summary>Narratives are model text: whatever markup they carry must reach the page as text, links only where safe.</summary>
public sealed class NarrativeHtmlTests
{
    private const string Base = "/v1/runs/r1/files/";

    private static string Render(string markdown) => NarrativeHtml.Render(markdown, "phases/02-topology.md", Base);

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Text <img src=x onerror=alert(1)> more")]
    [InlineData("<div onclick=\"alert(1)\">block</div>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    public void Raw_html_is_shown_as_text(string markdown)
    {
        var html = Render(markdown);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<div", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;", html);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](jav&#x61;script:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[click][x]\n\n[x]: javascript:alert(1)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[click](vbscript:msgbox(1))")]
    [InlineData("[click](//evil.example/x)")]
    [InlineData("[click](../../etc/passwd)")]
    public void Unsafe_link_targets_are_dropped_and_the_text_stays(string markdown)
    {
        var html = Render(markdown);

        Assert.DoesNotContain("href", html);
        Assert.DoesNotContain("<a", html);
        Assert.Matches("click|javascript:alert", html);
    }

    [Fact]
    public void Generic_attributes_are_not_markup()
    {
        var html = Render("# Title {onclick=alert(1) #phases}\n\nText");

        Assert.DoesNotContain("onclick=\"", html);
        Assert.DoesNotContain("id=", html);
    }

    [Fact]
    public void Headings_get_no_ids_that_could_stand_in_for_the_pages_own_elements()
    {
        Assert.Equal("<h2>Phases</h2>\n", Render("## Phases"));
    }

    [Fact]
    public void Web_links_work_and_do_not_hand_over_the_page()
    {
        var html = Render("See [the docs](https://www.tarantool.io/en/doc/latest/) and <https://github.com/tarantool>.");

        Assert.Contains("<a href=\"https://www.tarantool.io/en/doc/latest/\" rel=\"nofollow noopener noreferrer\">the docs</a>", html);
        Assert.Contains("href=\"https://github.com/tarantool\"", html);
    }

    [Fact]
    public void Links_to_other_bundle_files_point_at_the_runs_files_endpoint()
    {
        var html = Render("Apply [the config](../tarantool/config.yaml) and read [setup](../docs/setup.md#install).");

        Assert.Contains("href=\"/v1/runs/r1/files/tarantool/config.yaml\"", html);
        Assert.Contains("href=\"/v1/runs/r1/files/docs/setup.md#install\"", html);
    }

    [Fact]
    public void Images_from_outside_the_bundle_become_their_text()
    {
        var html = Render("![tracking pixel](https://evil.example/p.png)");

        Assert.DoesNotContain("<img", html);
        Assert.Contains("tracking pixel", html);
    }

    [Fact]
    public void Code_blocks_tables_and_inline_code_render_with_their_text_escaped()
    {
        var html = Render("| a | b |\n|---|---|\n| `x<y` | 2 |\n\n```yaml\nkey: \"<script>\"\n```\n");

        Assert.Contains("<table>", html);
        Assert.Contains("<code>x&lt;y</code>", html);
        Assert.Contains("<pre><code class=\"language-yaml\">key: &quot;&lt;script&gt;&quot;\n</code></pre>", html);
    }
}
