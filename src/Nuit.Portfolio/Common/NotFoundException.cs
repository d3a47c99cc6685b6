namespace Nuit.Portfolio.Common;

/// <summary>
/// The thing asked for does not exist; hosts answer 404 / exit code 3 with this message. <see cref="Field"/> names the
/// request field that pointed at it when that is not the thing edited (the case a target names), so a form shows it there.
/// </summary>
public sealed class NotFoundException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}
