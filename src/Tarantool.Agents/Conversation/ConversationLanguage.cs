using Tarantool.Agents.Languages;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Conversation;

/// <summary>
/// The language to answer in: that of the latest user message that says enough to tell. Short answers ("prod,
/// AWS", "перенеси в GCP") are mostly technical terms, so they keep the language of the conversation so far
/// unless they hold Russian prose, which technical terms never are.
/// </summary>
internal static class ConversationLanguage
{
    private const int DecidingWords = 3;

    public static Language Choose(IReadOnlyList<string> userTexts)
    {
        for (var i = userTexts.Count - 1; i >= 0; i--)
        {
            if (LanguageDetector.Detect(userTexts[i]) == Language.Ru) return Language.Ru;
            if (ProseWords.Extract(userTexts[i]).Count() >= DecidingWords) return Language.En;
        }

        return Language.En;
    }
}
