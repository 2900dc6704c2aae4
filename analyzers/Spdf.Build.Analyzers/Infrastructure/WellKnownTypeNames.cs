namespace Spdf.Build.Analyzers.Infrastructure;

/// <summary>Metadata names of framework types the rules look up once per compilation.</summary>
internal static class WellKnownTypeNames
{
    public const string HashAlgorithm = "System.Security.Cryptography.HashAlgorithm";
    public const string KeyedHashAlgorithm = "System.Security.Cryptography.KeyedHashAlgorithm";
    public const string Hmac = "System.Security.Cryptography.HMAC";
    public const string CryptoConfig = "System.Security.Cryptography.CryptoConfig";
    public const string IncrementalHash = "System.Security.Cryptography.IncrementalHash";
    public const string HashAlgorithmName = "System.Security.Cryptography.HashAlgorithmName";
    public const string Md5 = "System.Security.Cryptography.MD5";
    public const string Sha1 = "System.Security.Cryptography.SHA1";
    public const string Ripemd160 = "System.Security.Cryptography.RIPEMD160";
    public const string HmacMd5 = "System.Security.Cryptography.HMACMD5";
    public const string HmacSha1 = "System.Security.Cryptography.HMACSHA1";
    public const string HmacRipemd160 = "System.Security.Cryptography.HMACRIPEMD160";
}
