using Spdf.Build.Analyzers.Infrastructure;
using Xunit;

namespace Spdf.Build.Analyzers.Tests.Infrastructure;

public class IdentifierWordsTests
{
    [Theory]
    [InlineData("apiKey", 1, true)]
    [InlineData("ApiKey", 1, true)]
    [InlineData("api_key", 1, true)]
    [InlineData("API_KEY", 1, true)]
    [InlineData("apikey", 0, true)]
    [InlineData("providedApiKey", 2, true)]
    [InlineData("_apiKeyValue", 1, true)]
    [InlineData("_apiKeyValue", 2, false)]
    [InlineData("key", 0, false)]
    [InlineData("dictionaryKey", 1, false)]
    [InlineData("apiVersion", 1, false)]
    public void IsApiKeyAt_recognises_both_spellings_at_the_given_word(string identifier, int index, bool expected)
    {
        var words = IdentifierWords.Split(identifier);

        Assert.Equal(expected, IdentifierWords.IsApiKeyAt(words, index));
    }

    [Theory]
    [InlineData("AES256Key", new[] { "aes", "256", "key" })]
    [InlineData("api_key", new[] { "api", "key" })]
    public void Split_lowercases_and_splits_on_case_and_separators(string identifier, string[] expected)
    {
        Assert.Equal(expected, IdentifierWords.Split(identifier));
    }
}
