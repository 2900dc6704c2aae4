using System;
using System.Collections.Generic;

namespace Spdf.Build.Core.Sbom;

/// <summary>
/// Decides which packages ship: those reachable from a runtime direct reference. A direct reference is
/// development-only when it excludes runtime assets, is marked <c>developmentDependency</c>, or is
/// <c>PrivateAssets=all</c> and brings no file into the output (build/analyzer-only packages such as SourceLink);
/// what is reachable only through such references does not ship either.
/// </summary>
public static class DevelopmentDependencyFilter
{
    public static IReadOnlySet<string> RuntimeClosure(AssetsFile assets, Func<AssetsLibrary, bool> isDevelopmentDependency)
    {
        var shipping = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<AssetsLibrary>();
        foreach (var direct in assets.DirectDependencies)
        {
            if (!assets.Libraries.TryGetValue(direct.Name, out var library))
                continue;
            var developmentOnly = direct.ExcludesRuntime
                                  || isDevelopmentDependency(library)
                                  || (direct.PrivateAssetsAll && library.OutputAssets.Count == 0);
            if (!developmentOnly && shipping.Add(library.Name))
                queue.Enqueue(library);
        }

        while (queue.Count > 0)
        {
            foreach (var name in queue.Dequeue().DependencyNames)
            {
                if (assets.Libraries.TryGetValue(name, out var dependency) && shipping.Add(dependency.Name))
                    queue.Enqueue(dependency);
            }
        }

        return shipping;
    }
}
