namespace Spdf.Build.Analyzers.InputHandling;

/// <summary>The taint of a value: which sinks it may still harm, and where it came from (for the message).</summary>
internal readonly struct Taint
{
    public static readonly Taint Clean = default;

    public Taint(TaintFlags flags, string? origin)
    {
        Flags = flags;
        Origin = flags == TaintFlags.None ? null : origin;
    }

    public TaintFlags Flags { get; }

    /// <summary>"SerialPort.ReadLine()", "the arguments of Main", ... (the first source found).</summary>
    public string? Origin { get; }

    public bool IsClean => Flags == TaintFlags.None;

    public bool Has(TaintFlags flag) => (Flags & flag) != 0;

    public Taint Union(Taint other)
    {
        if (other.IsClean)
            return this;
        if (IsClean)
            return other;
        return new Taint(Flags | other.Flags, Origin ?? other.Origin);
    }

    public Taint Without(TaintFlags cleared) => new(Flags & ~cleared, Origin);
}
