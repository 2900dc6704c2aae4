using System.Net.Sockets;
using System.Text;

namespace Contoso.InfusionPump.Communication;

/// <summary>TCP transport; lines longer than <see cref="MaxLineLength"/> end the connection.</summary>
public sealed class TcpCommandTransport : ICommandTransport
{
    public const int MaxLineLength = 512;

    private readonly TcpClient _client;
    private readonly StreamReader _reader;
    private readonly StreamWriter _writer;

    public TcpCommandTransport(TcpClient client)
    {
        _client = client;
        var stream = client.GetStream();
        _reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: MaxLineLength);
        _writer = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
    }

    public async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = await _reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (line is { Length: > MaxLineLength })
            throw new InvalidDataException("Command line too long.");
        return line;
    }

    public async ValueTask WriteLineAsync(string line, CancellationToken cancellationToken)
        => await _writer.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _writer.Dispose();
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
