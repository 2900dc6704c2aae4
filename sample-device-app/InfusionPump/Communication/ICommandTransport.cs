namespace Contoso.InfusionPump.Communication;

/// <summary>A line-oriented link to the pump gateway: TCP on the hospital network or the service serial port.</summary>
public interface ICommandTransport : IAsyncDisposable
{
    /// <summary>The next line from the gateway: outside the pump's trust boundary until authenticated.</summary>
    [return: Spdf.Build.UntrustedInput]
    ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken);

    ValueTask WriteLineAsync(string line, CancellationToken cancellationToken);
}
