using System.Net;
using System.Net.Sockets;
using System.Text;
using Contoso.InfusionPump.Communication;
using Spdf.Build;

namespace Contoso.InfusionPump.Tests;

public sealed class TcpCommandTransportTests
{
    private static async Task<string?> ReadOneLineAsync(byte[] sent)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var sender = new TcpClient();
        await sender.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        await using var transport = new TcpCommandTransport(await listener.AcceptTcpClientAsync());
        await sender.GetStream().WriteAsync(sent);
        sender.Client.Shutdown(SocketShutdown.Send);
        return await transport.ReadLineAsync(CancellationToken.None);
    }

    [Fact]
    [Verifies("SC-010")]
    public async Task Line_within_the_limit_is_read()
        => Assert.Equal("1|2|STATUS||tag", await ReadOneLineAsync(Encoding.UTF8.GetBytes("1|2|STATUS||tag\r\n")));

    [Fact]
    [Verifies("SC-010")]
    public async Task Endless_line_is_refused_at_the_limit()
    {
        var endless = Encoding.UTF8.GetBytes(new string('A', 64 * 1024));
        await Assert.ThrowsAsync<InvalidDataException>(() => ReadOneLineAsync(endless));
    }
}
