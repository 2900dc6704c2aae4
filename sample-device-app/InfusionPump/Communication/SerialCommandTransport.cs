using System.IO.Ports;

namespace Contoso.InfusionPump.Communication;

/// <summary>The service serial port, used by biomedical engineering for configuration; same protocol as TCP.</summary>
public sealed class SerialCommandTransport : ICommandTransport
{
    private readonly SerialPort _port;

    public SerialCommandTransport(string portName)
    {
        _port = new SerialPort(portName, 115200, Parity.None, 8, StopBits.One)
        {
            NewLine = "\n",
            ReadTimeout = 5000,
            WriteTimeout = 5000,
        };
    }

    public void Open() => _port.Open();

    public ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var line = _port.ReadLine();
        return ValueTask.FromResult<string?>(line.Length > TcpCommandTransport.MaxLineLength ? throw new InvalidDataException("Command line too long.") : line);
    }

    public ValueTask WriteLineAsync(string line, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _port.WriteLine(line);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _port.Dispose();
        return ValueTask.CompletedTask;
    }
}
