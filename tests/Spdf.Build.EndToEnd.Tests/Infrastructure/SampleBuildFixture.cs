namespace Spdf.Build.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Builds the sample device app once with the README's main command, for every test that inspects what that
/// command produces.
/// </summary>
public sealed class SampleBuildFixture
{
    public SampleBuildFixture()
    {
        Result = DotNet.Run(RepositoryPaths.Root, "build", "sample-device-app", "-c", "Release");
    }

    public CommandResult Result { get; }

    public string AppOutputDirectory => RepositoryPaths.InRepository("sample-device-app", "InfusionPump", "bin", "Release", "net10.0");
}
