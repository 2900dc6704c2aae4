namespace Spdf.Build.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Runs the README's main commands once, for every test that inspects what they produce: the tests (which build
/// the sample and write TRX results), then the build that writes the evidence with the test outcomes.
/// </summary>
public sealed class SampleBuildFixture
{
    public SampleBuildFixture()
    {
        TestResult = DotNet.Run(RepositoryPaths.Root, "test", "sample-device-app", "-c", "Release");
        Result = DotNet.Run(RepositoryPaths.Root, "build", "sample-device-app", "-c", "Release");
    }

    /// <summary><c>dotnet test sample-device-app -c Release</c>.</summary>
    public CommandResult TestResult { get; }

    /// <summary><c>dotnet build sample-device-app -c Release</c>, after the tests.</summary>
    public CommandResult Result { get; }

    public string AppOutputDirectory => RepositoryPaths.InRepository("sample-device-app", "InfusionPump", "bin", "Release", "net10.0");

    public string EvidenceDirectory => System.IO.Path.Combine(AppOutputDirectory, "spdf");
}
