namespace Nuit.Portfolio.Common;

/// <summary>
/// Bad input from a person or a file: the message is for the user and names where the problem is
/// (file, line, sheet/cell or field). Hosts show it as it is, never with a stack trace.
/// </summary>
public class InputException : Exception
{
    public InputException(string source, string? location, string reason)
        : base(Format(source, location, reason))
    {
        Source = source;
        Location = location;
        Reason = reason;
    }

    public InputException(string source, string? location, string reason, Exception inner)
        : base(Format(source, location, reason), inner)
    {
        Source = source;
        Location = location;
        Reason = reason;
    }

    /// <summary>The file name or request that held the bad input.</summary>
    public new string Source { get; }

    /// <summary>Where in it: "linje 12", "felt goals[2].code", "ark Verdier, celle C4"; null when it is the whole input.</summary>
    public string? Location { get; }

    public string Reason { get; }

    private static string Format(string source, string? location, string reason) =>
        location is null ? $"{source}: {reason}" : $"{source}, {location}: {reason}";
}
