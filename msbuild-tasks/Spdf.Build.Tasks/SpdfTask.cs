using System;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Spdf.Build.Core;

namespace Spdf.Build.Tasks;

/// <summary>
/// Base of every Spdf.Build task: turns <see cref="SpdfException"/> into an <c>SPDFnnnn</c> error naming the
/// file and line, and any other exception into one error line without a stack trace.
/// </summary>
public abstract class SpdfTask : Task
{
    public sealed override bool Execute()
    {
        try
        {
            ExecuteCore();
        }
        catch (SpdfException exception)
        {
            LogSpdfError(exception.DiagnosticId, exception.Message, exception.File, exception.Line, exception.Column);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogSpdfError(
                DiagnosticIds.UnexpectedTaskFailure,
                $"{GetType().Name} failed unexpectedly: {exception.GetType().Name}: {exception.Message}",
                file: null,
                line: 0,
                column: 0);
        }

        return !Log.HasLoggedErrors;
    }

    protected abstract void ExecuteCore();

    protected void LogSpdfError(string id, string message, string? file = null, int line = 0, int column = 0)
        => Log.LogError(null, id, null, HelpLink(id), file, line, column, 0, 0, message);

    protected void LogSpdfWarning(string id, string message, string? file = null, int line = 0, int column = 0)
        => Log.LogWarning(null, id, null, HelpLink(id), file, line, column, 0, 0, message);

    /// <summary>Reports a finding whose severity the user's policy decides (error or warning).</summary>
    protected void LogSpdfFinding(bool asError, string id, string message, string? file = null, int line = 0, int column = 0)
    {
        if (asError)
            LogSpdfError(id, message, file, line, column);
        else
            LogSpdfWarning(id, message, file, line, column);
    }

    protected static string HelpLink(string id) => DiagnosticIds.HelpLink(id);
}
