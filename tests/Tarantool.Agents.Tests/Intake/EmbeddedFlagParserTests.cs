using Tarantool.Agents.Intake;

namespace Tarantool.Agents.Tests.Intake;

public sealed class EmbeddedFlagParserTests
{
    [Fact]
    public void Flags_are_extracted_and_blanked_from_the_remaining_text()
    {
        var errors = new List<string>();

        var flags = EmbeddedFlagParser.Extract("setup: --cluster-name billing --enable-sharding=false, then prose", errors);

        Assert.Empty(errors);
        Assert.Equal("billing", flags.Flags["cluster-name"]);
        Assert.Equal("false", flags.Flags["enable-sharding"]);
        Assert.DoesNotContain("--", flags.RemainingText);
        Assert.DoesNotContain("billing", flags.RemainingText);
        Assert.Contains("then prose", flags.RemainingText);
        Assert.Equal("setup: --cluster-name billing --enable-sharding=false, then prose".Length, flags.RemainingText.Length);
    }

    [Fact]
    public void Quoted_values_keep_their_spaces_for_validation()
    {
        var flags = EmbeddedFlagParser.Extract("--cluster-name \"my cluster\"", new List<string>());

        Assert.Equal("my cluster", flags.Flags["cluster-name"]);
    }

    [Fact]
    public void Dashes_inside_words_are_not_flags()
    {
        var flags = EmbeddedFlagParser.Extract("a pre--release build, multi-region", new List<string>());

        Assert.Empty(flags.Flags);
    }
}
