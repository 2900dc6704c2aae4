using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Spdf.Build.Analyzers.Logging;

/// <summary>
/// The names that make a variable, parameter, field or property personal information (SPDF3014) or a secret
/// (SPDF3015), read from <c>spdf.SPDFnnnn.sensitive_names</c> in .editorconfig: comma-separated phrases such as
/// <c>patient name, mrn, date of birth</c>. An identifier matches a phrase when its words (split at camelCase,
/// underscores and digits) end with the phrase's words: <c>patientName</c> and <c>admittedPatientName</c> match
/// "patient name", <c>patientCount</c> does not match "patient".
/// </summary>
internal sealed class SensitiveNameOption
{
    public const string PersonalDefaults =
        "patient, patient name, patient id, mrn, medical record number, date of birth, dob, birth date, ssn, " +
        "social security number, home address, street address, address line, postal address, email address, phone, " +
        "phone number, diagnosis, diagnoses, first name, last name, given name, family name, surname";

    public const string SecretDefaults =
        "password, passphrase, passwd, pwd, secret, client secret, token, access token, refresh token, bearer token, " +
        "api key, private key, secret key, access key, signing key, encryption key, pairing key, master key, shared key, " +
        "hmac key, connection string, credential, credentials";

    private readonly ImmutableArray<string[]> _phrases;

    private SensitiveNameOption(ImmutableArray<string[]> phrases) => _phrases = phrases;

    public static string OptionKey(string diagnosticId) => "spdf." + diagnosticId + ".sensitive_names";

    public static SensitiveNameOption Read(AnalyzerOptions options, SyntaxTree tree, string diagnosticId, string defaults)
    {
        var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        var text = config.TryGetValue(OptionKey(diagnosticId), out var value) && !string.IsNullOrWhiteSpace(value) ? value : defaults;
        var phrases = text.Split(',')
            .Select(phrase => Words(phrase.Trim()).ToArray())
            .Where(words => words.Length > 0)
            .ToImmutableArray();
        return new SensitiveNameOption(phrases);
    }

    public bool Matches(string identifier)
    {
        var words = Words(identifier).ToArray();
        foreach (var phrase in _phrases)
        {
            if (phrase.Length > words.Length)
                continue;
            var offset = words.Length - phrase.Length;
            var all = true;
            for (var i = 0; i < phrase.Length && all; i++)
                all = string.Equals(words[offset + i], phrase[i], StringComparison.Ordinal);
            if (all)
                return true;
        }

        return false;
    }

    /// <summary>"dateOfBirth" → date, of, birth; "MRN_Value" → mrn, value; "patient name" → patient, name.</summary>
    internal static IEnumerable<string> Words(string identifier)
    {
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < identifier.Length; i++)
        {
            var c = identifier[i];
            if (!char.IsLetter(c))
            {
                if (current.Length > 0)
                    yield return Flush(current);
                continue;
            }

            var startsWord = char.IsUpper(c) && current.Length > 0
                             && (char.IsLower(identifier[i - 1]) || (i + 1 < identifier.Length && char.IsLower(identifier[i + 1])));
            if (startsWord)
                yield return Flush(current);
            current.Append(char.ToLowerInvariant(c));
        }

        if (current.Length > 0)
            yield return Flush(current);
    }

    private static string Flush(System.Text.StringBuilder builder)
    {
        var word = builder.ToString();
        builder.Clear();
        return word;
    }
}
