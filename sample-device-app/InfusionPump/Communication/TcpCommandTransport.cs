using System.Net.Sockets;
using System.Text;
using Spdf.Build;

namespace Contoso.InfusionPump.Communication;

/// <summary>
/// TCP transport; a line longer than <see cref="MaxLineLength"/> ends the connection as soon as the limit is
/// passed, so an endless line cannot exhaust the controller's memory.
/// </summary>
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

    [ImplementsControl("SC-010")]
    public async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        var next = new char[1];
        while (await _reader.ReadAsync(next.AsMemory(), cancellationToken).ConfigureAwait(false) == 1)
        {
            if (next[0] == '\n')
                return line.ToString().TrimEnd('\r');
            if (line.Length == MaxLineLength)
                throw new InvalidDataException("Command line too long.");
            line.Append(next[0]);
        }

        return line.Length == 0 ? null : line.ToString();
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
