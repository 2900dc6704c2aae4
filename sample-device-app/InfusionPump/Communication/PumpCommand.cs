namespace Contoso.InfusionPump.Communication;

/// <summary>
/// A command received from the hospital's pump gateway. Wire form (one line, UTF-8):
/// <c>sequence|unixTimeSeconds|verb|argument|base64(HMAC-SHA256 of the first four fields)</c>.
/// </summary>
public sealed record PumpCommand(ulong Sequence, long UnixTimeSeconds, string Verb, string Argument);
