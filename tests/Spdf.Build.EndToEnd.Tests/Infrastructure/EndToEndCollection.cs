namespace Spdf.Build.EndToEnd.Tests.Infrastructure;

/// <summary>
/// All end-to-end tests share one collection: they build the same projects (analyzers, tasks, sample) and
/// must not run those builds concurrently; the pack and the sample build happen once for all of them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<PackageFixture>, ICollectionFixture<SampleBuildFixture>
{
    public const string Name = "End-to-end builds";
}
