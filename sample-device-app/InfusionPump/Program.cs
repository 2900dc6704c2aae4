using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Contoso.InfusionPump.Audit;
using Contoso.InfusionPump.Communication;
using Contoso.InfusionPump.Dosing;

namespace Contoso.InfusionPump;

public static class Program
{
    /// <summary>
    /// Starts the command channel on the loopback gateway port. Keys come from the pump's secure element in
    /// the product; this sample reads them from files provisioned at pairing.
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 3)
        {
            await Console.Error.WriteLineAsync("usage: Contoso.InfusionPump <drug-library.json> <drug-library.sha256> <pairing-key-file>").ConfigureAwait(false);
            return 2;
        }

        var libraryBytes = await File.ReadAllBytesAsync(args[0]).ConfigureAwait(false);
        var publishedDigest = Convert.FromHexString((await File.ReadAllTextAsync(args[1]).ConfigureAwait(false)).Trim());
        var library = DrugLibrary.Load(libraryBytes, publishedDigest);
        var pairingKey = await File.ReadAllBytesAsync(args[2]).ConfigureAwait(false);
        var auditKey = RandomNumberGenerator.GetBytes(32);
        var channel = new CommandChannel(new CommandAuthenticator(pairingKey, TimeProvider.System), new DoseLimitChecker(library), new AuditLog(auditKey, TimeProvider.System));

        using var listener = new TcpListener(IPAddress.Loopback, 5200);
        listener.Start();
        Console.WriteLine($"Drug library with {library.Count} drugs loaded; listening on 127.0.0.1:5200.");
        using var client = await listener.AcceptTcpClientAsync().ConfigureAwait(false);
        await using var transport = new TcpCommandTransport(client);
        await channel.ServeAsync(transport, CancellationToken.None).ConfigureAwait(false);
        return 0;
    }
}
