using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Contoso.InfusionPump.Audit;
using Contoso.InfusionPump.Communication;
using Contoso.InfusionPump.Dosing;
using Spdf.Build;

namespace Contoso.InfusionPump;

public static class Program
{
    /// <summary>The folder the pairing procedure provisions; files named on the command line must lie inside it.</summary>
    public static readonly string ProvisioningDirectory = Path.Combine(AppContext.BaseDirectory, "provisioning");

    /// <summary>
    /// Starts the command channel on the loopback gateway port. Keys come from the pump's secure element in
    /// the product; this sample reads them from files provisioned at pairing.
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 3)
        {
            await Console.Error.WriteLineAsync("usage: Contoso.InfusionPump <drug-library.json> <drug-library.sha256> <pairing-key-file> (names inside the provisioning folder)").ConfigureAwait(false);
            return 2;
        }

        var libraryBytes = await ReadProvisionedFileAsync(args[0]).ConfigureAwait(false);
        var publishedDigest = Convert.FromHexString(Encoding.ASCII.GetString(await ReadProvisionedFileAsync(args[1]).ConfigureAwait(false)).Trim());
        var library = DrugLibrary.Load(libraryBytes, publishedDigest);
        var pairingKey = await ReadProvisionedFileAsync(args[2]).ConfigureAwait(false);
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

    /// <summary>
    /// Reads a provisioning file named on the command line. A name that resolves outside the provisioning
    /// folder ("../../etc/shadow", an absolute path) is refused: the canonical prefix check SPDF3003 asks for.
    /// </summary>
    public static Task<byte[]> ReadProvisionedFileAsync([UntrustedInput] string name)
    {
        var root = Path.GetFullPath(ProvisioningDirectory) + Path.DirectorySeparatorChar;
        var fullPath = Path.GetFullPath(Path.Combine(root, name));
        if (!fullPath.StartsWith(root, StringComparison.Ordinal))
            throw new ArgumentException($"'{name}' is outside the provisioning folder {root}.", nameof(name));
        return File.ReadAllBytesAsync(fullPath);
    }
}
