using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.Authentication;

/// <summary>
/// Whether an identifier names a credential (<c>password</c>, <c>_adminPwd</c>, <c>ApiKey</c>, <c>ClientSecret</c>,
/// <c>authToken</c>) rather than something about one (<c>PasswordHint</c>, <c>TokenEndpoint</c>, <c>ApiKeyHeader</c>,
/// <c>SecretName</c>, <c>UserName</c>), and whether a literal looks like a real secret rather than a placeholder,
/// label, configuration key or header name.
/// </summary>
internal static class CredentialNames
{
    private static readonly HashSet<string> CredentialNouns = IdentifierWords.Set(
        "password", "passwd", "pwd", "passphrase", "passcode", "secret", "token", "apikey");

    /// <summary>Nouns that make "key" a credential: <c>ApiKey</c>, <c>PrivateKey</c>, <c>SigningKey</c>...</summary>
    private static readonly HashSet<string> KeyQualifiers = IdentifierWords.Set(
        "api", "private", "secret", "access", "signing", "encryption", "master", "shared", "subscription", "account", "license", "hmac", "aes");

    /// <summary>Trailing words that do not change what a name holds: <c>passwordValue</c>, <c>tokenString</c>, <c>password2</c>.</summary>
    private static readonly HashSet<string> TransparentSuffixes = IdentifierWords.Set("value", "string", "str", "text", "plain", "raw", "default", "literal");

    /// <summary>Words before the noun that make it not a secret: <c>CancellationToken</c>, <c>NextPageToken</c>, <c>CsrfTokenName</c>.</summary>
    private static readonly HashSet<string> NonSecretQualifiers = IdentifierWords.Set(
        "cancellation", "continuation", "page", "next", "sync", "paging", "lexer", "parser", "syntax", "end", "start", "separator");

    /// <summary>Words that, in a literal, mean it is a label, header or key name rather than a secret.</summary>
    private static readonly HashSet<string> LabelWords = IdentifierWords.Set(
        "x", "api", "key", "auth", "authorization", "password", "passwd", "pwd", "secret", "token", "access", "bearer", "basic", "client",
        "id", "header", "refresh", "private", "user", "name", "confirm", "new", "old", "current", "enter", "your", "the", "reset", "csrf",
        "xsrf", "session", "request", "verification", "jwt", "oauth", "credentials", "credential", "signing", "connection", "db", "admin");

    private static readonly string[] Placeholders =
    {
        "changeme", "change_me", "change-me", "placeholder", "replace", "your", "example", "sample", "dummy", "todo", "tbd", "xxx",
        "***", "redacted", "<", ">", "{", "}", "${", "$(", "%", "n/a", "null", "none", "undefined", "empty", "***",
    };

    /// <summary>Substrings every credential name contains; most identifiers are rejected without splitting.</summary>
    private static readonly string[] Fragments = { "pass", "pwd", "secret", "token", "key" };

    [MethodImpl(HotPath.Optimize)]
    public static bool IsCredentialName(string identifier, bool includeTokens = true)
    {
        if (!IdentifierWords.ContainsFragment(identifier, Fragments))
            return false;
        var words = IdentifierWords.Split(identifier);
        while (words.Count > 1 && (TransparentSuffixes.Contains(words[words.Count - 1]) || words[words.Count - 1].All(char.IsDigit)))
            words.RemoveAt(words.Count - 1);
        if (words.Count == 0)
            return false;

        var last = words[words.Count - 1];
        var previous = words.Count > 1 ? words[words.Count - 2] : null;
        if (previous is not null && NonSecretQualifiers.Contains(previous))
            return false;
        if (last is "token" && !includeTokens)
            return false;
        if (CredentialNouns.Contains(last))
            return true;
        return last is "key" or "keys" && previous is not null && KeyQualifiers.Contains(previous);
    }

    /// <summary>A literal that could be a real credential: not empty, not a placeholder, label, key name or URL.</summary>
    public static bool IsSecretValue(string value, string name)
    {
        var trimmed = value.Trim();
        if (trimmed.Length < 3 || trimmed.Any(char.IsWhiteSpace))
            return false;
        if (trimmed.Equals(name, StringComparison.OrdinalIgnoreCase) || trimmed.Equals(name.TrimStart('_'), StringComparison.OrdinalIgnoreCase))
            return false;
        if (trimmed.All(c => c == trimmed[0]))
            return false;
        if (trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            return false;
        foreach (var placeholder in Placeholders)
        {
            if (trimmed.IndexOf(placeholder, StringComparison.OrdinalIgnoreCase) >= 0)
                return false;
        }

        // "X-Api-Key", "Jwt:Secret", "DB_PASSWORD", "auth_token": names of headers, settings and variables.
        var words = trimmed.Split(':', '.', '/').SelectMany(IdentifierWords.Split).ToList();
        return words.Count == 0 || !words.All(LabelWords.Contains);
    }
}
