using System.Globalization;
using Contoso.InfusionPump.Audit;
using Contoso.InfusionPump.Dosing;
using Spdf.Build;

namespace Contoso.InfusionPump.Communication;

/// <summary>
/// Serves one gateway connection: authenticates every command, checks doses against the drug library and
/// records each decision in the audit log. Only START, STOP, BOLUS and STATUS exist; anything else is refused.
/// </summary>
public sealed class CommandChannel
{
    private readonly CommandAuthenticator _authenticator;
    private readonly DoseLimitChecker _checker;
    private readonly AuditLog _audit;

    public CommandChannel(CommandAuthenticator authenticator, DoseLimitChecker checker, AuditLog audit)
    {
        _authenticator = authenticator;
        _checker = checker;
        _audit = audit;
    }

    public async Task ServeAsync(ICommandTransport transport, CancellationToken cancellationToken)
    {
        while (await transport.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            var reply = Handle(line);
            await transport.WriteLineAsync(reply, cancellationToken).ConfigureAwait(false);
        }
    }

    [ImplementsControl("SC-012")]
    [ImplementsControl("SC-009")]
    public string Handle([UntrustedInput] string line)
    {
        var rejection = _authenticator.TryAccept(line, out var command);
        if (rejection != CommandRejection.None || command is null)
        {
            _audit.Append("command-rejected", rejection.ToString());
            return "ERR " + rejection;
        }

        var reply = command.Verb switch
        {
            "START" => Start(command.Argument),
            "BOLUS" => Bolus(command.Argument),
            "STOP" => "OK stopped",
            "STATUS" => "OK idle",
            _ => "ERR UnknownVerb",
        };
        _audit.Append("command", command.Verb + " " + reply);
        return reply;
    }

    private string Start(string argument)
    {
        // START drugCode,rateMlPerHour,volumeMl
        var parts = argument.Split(',');
        if (parts.Length != 3
            || !decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var rate)
            || !decimal.TryParse(parts[2], NumberStyles.Number, CultureInfo.InvariantCulture, out var volume))
        {
            return "ERR Malformed";
        }

        var result = _checker.Check(new DoseProgram(parts[0], rate, volume, SoftLimitOverrideConfirmed: false));
        return result.IsAccepted ? "OK started" : "ERR " + result.Outcome;
    }

    private string Bolus(string argument)
    {
        var parts = argument.Split(',');
        if (parts.Length != 2 || !decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var volume))
            return "ERR Malformed";
        var result = _checker.CheckBolus(parts[0], volume);
        return result.IsAccepted ? "OK bolus" : "ERR " + result.Outcome;
    }
}
