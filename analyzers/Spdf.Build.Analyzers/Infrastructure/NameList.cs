using System.Runtime.CompilerServices;

namespace Spdf.Build.Analyzers.Infrastructure;

/// <summary>Membership tests on the short name lists that rules ask for most calls.</summary>
internal static class NameList
{
    /// <summary>
    /// Whether <paramref name="names"/> holds <paramref name="name"/> (ordinal). <c>Array.IndexOf</c> on a string array
    /// runs shared generic code that looks up the element comparer on every call, which cost more than the comparisons.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Contains(string[] names, string name)
    {
        foreach (var candidate in names)
        {
            if (candidate == name)
                return true;
        }

        return false;
    }
}
