#!/usr/bin/env python3
"""Generates a realistic C# corpus for the analyzer benchmark: device services, repositories, parsers,
crypto and transport helpers (mostly secure, a few insecure so every rule has work to do), records and
LINQ-heavy code. Deterministic: the same count gives the same files."""
import os
import random
import sys

TEMPLATES = []


def template(f):
    TEMPLATES.append(f)
    return f


@template
def service(i, r):
    return f'''using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.Services{i % 40};

public sealed record Reading{i}(string DeviceId, DateTimeOffset Timestamp, double Value, string Unit);

public sealed class TelemetryService{i}
{{
    private readonly HttpClient _client;
    private readonly List<Reading{i}> _buffer = new();
    private int _sent;

    public TelemetryService{i}(HttpClient client) => _client = client;

    public void Record(string deviceId, double value)
    {{
        if (string.IsNullOrWhiteSpace(deviceId))
            throw new ArgumentException("Device id is required.", nameof(deviceId));
        _buffer.Add(new Reading{i}(deviceId, DateTimeOffset.UtcNow, Math.Round(value, {r.randint(1, 4)}), "mL/h"));
    }}

    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {{
        var batch = _buffer.Where(x => x.Value >= 0).OrderBy(x => x.Timestamp).Take({r.randint(10, 500)}).ToList();
        if (batch.Count == 0)
            return 0;
        using var response = await _client.PostAsJsonAsync("{'https' if r.random() > 0.05 else 'http'}://telemetry.example.org/v{i % 3}/readings", batch, cancellationToken);
        response.EnsureSuccessStatusCode();
        _buffer.RemoveAll(batch.Contains);
        _sent += batch.Count;
        return batch.Count;
    }}

    public IReadOnlyDictionary<string, double> AverageByDevice()
        => _buffer.GroupBy(x => x.DeviceId).ToDictionary(g => g.Key, g => g.Average(x => x.Value));

    public override string ToString() => $"TelemetryService{i} sent={{_sent}} buffered={{_buffer.Count}}";
}}
'''


@template
def crypto(i, r):
    insecure = r.random() < 0.1
    hash_line = 'SHA1.HashData(data)' if insecure else 'SHA256.HashData(data)'
    kdf_iterations = 10_000 if insecure else 600_000
    compare = 'computed.SequenceEqual(expectedMac)' if insecure else 'CryptographicOperations.FixedTimeEquals(computed, expectedMac)'
    return f'''using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Corpus.Security{i % 20};

public sealed class PayloadProtector{i}
{{
    private readonly byte[] _key;

    public PayloadProtector{i}(byte[] key)
    {{
        if (key.Length != 32)
            throw new ArgumentException("A 256-bit key is required.", nameof(key));
        _key = key;
    }}

    public byte[] Digest(byte[] data) => {hash_line};

    public (byte[] Nonce, byte[] Ciphertext, byte[] Tag) Seal(byte[] plaintext)
    {{
        var nonce = new byte[AesGcm.NonceByteSizes.MaxSize];
        RandomNumberGenerator.Fill(nonce);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using var aes = new AesGcm(_key, tag.Length);
        aes.Encrypt(nonce, plaintext, ciphertext, tag);
        return (nonce, ciphertext, tag);
    }}

    public bool CheckMac(byte[] message, byte[] expectedMac)
    {{
        var computed = HMACSHA256.HashData(_key, message);
        return {compare};
    }}

    public static byte[] DeriveKey(string password, byte[] salt)
        => Rfc2898DeriveBytes.Pbkdf2(password, salt, {kdf_iterations}, HashAlgorithmName.SHA256, 32);

    public static string Fingerprint(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..{r.randint(8, 16)}];
}}
'''


@template
def repository(i, r):
    return f'''using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace Corpus.Data{i % 30};

public enum DrugClass{i} {{ Analgesic, Antibiotic, Anticoagulant, Insulin, Other }}

public sealed class DrugRecord{i}
{{
    public required string Name {{ get; init; }}
    public DrugClass{i} Class {{ get; init; }}
    public decimal MaxDose {{ get; init; }}
    public decimal MinDose {{ get; init; }}
    public string? Notes {{ get; set; }}
}}

public sealed class DrugRepository{i}
{{
    private readonly ConcurrentDictionary<string, DrugRecord{i}> _records = new(StringComparer.OrdinalIgnoreCase);

    public bool Add(DrugRecord{i} record)
    {{
        ArgumentNullException.ThrowIfNull(record);
        if (record.MinDose > record.MaxDose)
            return false;
        return _records.TryAdd(record.Name, record);
    }}

    public IEnumerable<DrugRecord{i}> ByClass(DrugClass{i} drugClass)
        => _records.Values.Where(r => r.Class == drugClass).OrderBy(r => r.Name, StringComparer.Ordinal);

    public DrugRecord{i}? Find(string name) => _records.TryGetValue(name, out var record) ? record : null;

    public string Describe(DrugClass{i} drugClass) => drugClass switch
    {{
        DrugClass{i}.Analgesic => "pain relief",
        DrugClass{i}.Antibiotic => "infection",
        DrugClass{i}.Anticoagulant => "anticoagulation",
        DrugClass{i}.Insulin => "glucose control",
        _ => "other",
    }};

    public decimal Clamp(string name, decimal requested)
    {{
        var record = Find(name) ?? throw new KeyNotFoundException(name);
        return Math.Clamp(requested, record.MinDose, record.MaxDose * {r.randint(1, 3)}m);
    }}
}}
'''


@template
def parser(i, r):
    return f'''using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace Corpus.Protocol{i % 25};

public readonly record struct Frame{i}(int Sequence, string Verb, IReadOnlyList<string> Arguments);

public static class FrameParser{i}
{{
    private const char Separator = '|';

    public static bool TryParse(string line, out Frame{i} frame)
    {{
        frame = default;
        if (string.IsNullOrEmpty(line))
            return false;
        var parts = line.Split(Separator);
        if (parts.Length < 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            return false;
        var arguments = new List<string>(parts.Length - 2);
        for (var index = 2; index < parts.Length; index++)
            arguments.Add(parts[index].Trim());
        frame = new Frame{i}(sequence, parts[1].ToUpperInvariant(), arguments);
        return true;
    }}

    public static string Format(Frame{i} frame)
    {{
        var builder = new StringBuilder();
        builder.Append(frame.Sequence.ToString(CultureInfo.InvariantCulture)).Append(Separator).Append(frame.Verb);
        foreach (var argument in frame.Arguments)
            builder.Append(Separator).Append(argument);
        return builder.ToString();
    }}

    public static IEnumerable<Frame{i}> ReadAll(TextReader reader)
    {{
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {{
            if (TryParse(line, out var frame))
                yield return frame;
        }}
    }}

    public static int Checksum(ReadOnlySpan<byte> data)
    {{
        var sum = {r.randint(0, 255)};
        foreach (var b in data)
            sum = (sum * 31 + b) & 0xFFFF;
        return sum;
    }}
}}
'''


@template
def transport(i, r):
    insecure = r.random() < 0.08
    callback = '(message, certificate, chain, errors) => true' if insecure else '(message, certificate, chain, errors) => errors == SslPolicyErrors.None'
    return f'''using System;
using System.Net.Http;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.Transport{i % 15};

public sealed class GatewayClient{i} : IDisposable
{{
    private readonly HttpClient _client;

    public GatewayClient{i}(Uri gateway)
    {{
        var handler = new HttpClientHandler
        {{
            ServerCertificateCustomValidationCallback = {callback},
            SslProtocols = SslProtocols.None,
            CheckCertificateRevocationList = true,
        }};
        _client = new HttpClient(handler) {{ BaseAddress = gateway, Timeout = TimeSpan.FromSeconds({r.randint(5, 60)}) }};
    }}

    public async Task<string> GetStatusAsync(CancellationToken cancellationToken)
    {{
        using var response = await _client.GetAsync("status", cancellationToken);
        return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync(cancellationToken) : "unavailable";
    }}

    public static bool IsTrusted(X509Certificate2 certificate, X509Certificate2 root)
    {{
        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.Online;
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        return chain.Build(certificate);
    }}

    public void Dispose() => _client.Dispose();
}}
'''


@template
def workflow(i, r):
    return f'''using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace Corpus.Workflow{i % 35};

public interface IStep{i}
{{
    string Name {{ get; }}
    ValueTask<bool> RunAsync(IDictionary<string, object> context);
}}

public sealed class Pipeline{i}
{{
    private readonly List<IStep{i}> _steps = new();
    private readonly Random _jitter = new({i});
    public event EventHandler<string>? StepCompleted;

    public Pipeline{i} Add(IStep{i} step)
    {{
        _steps.Add(step ?? throw new ArgumentNullException(nameof(step)));
        return this;
    }}

    public async Task<IReadOnlyList<string>> RunAsync(IDictionary<string, object> context)
    {{
        var failed = new List<string>();
        foreach (var step in _steps)
        {{
            var delay = _jitter.Next(1, {r.randint(5, 50)});
            context["delay"] = delay;
            if (!await step.RunAsync(context))
            {{
                failed.Add(step.Name);
                continue;
            }}
            StepCompleted?.Invoke(this, step.Name);
        }}
        return failed;
    }}

    public string Summary() => string.Join(", ", _steps.Select((s, n) => $"{{n + 1}}:{{s.Name}}"));
}}
'''


@template
def authentication(i, r):
    insecure = r.random() < 0.05
    password_line = 'private const string ServicePassword = "Pump#Service2024";' if insecure else 'private const string ServicePasswordVariable = "PUMP_SERVICE_PASSWORD";'
    return f'''using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace Corpus.Auth{i % 10};

public sealed class OperatorAuthenticator{i}
{{
    {password_line}
    private readonly Dictionary<string, (byte[] Salt, byte[] Hash)> _operators = new(StringComparer.Ordinal);

    public void Enroll(string operatorId, string password)
    {{
        var salt = RandomNumberGenerator.GetBytes(16);
        _operators[operatorId] = (salt, Hash(password, salt));
    }}

    public bool Authenticate(string operatorId, string password)
    {{
        if (!_operators.TryGetValue(operatorId, out var entry))
            return false;
        try
        {{
            return CryptographicOperations.FixedTimeEquals(Hash(password, entry.Salt), entry.Hash);
        }}
        catch (CryptographicException)
        {{
            return false;
        }}
    }}

    private static byte[] Hash(string password, byte[] salt)
        => Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, 600_000, HashAlgorithmName.SHA256, 32);
}}
'''


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: generate_corpus.py <output-directory> <file-count>")
    output, count = sys.argv[1], int(sys.argv[2])
    os.makedirs(output, exist_ok=True)
    rng = random.Random(20241128)
    for i in range(count):
        text = TEMPLATES[i % len(TEMPLATES)](i, rng)
        with open(os.path.join(output, f"File{i:05d}.cs"), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)


if __name__ == "__main__":
    main()
