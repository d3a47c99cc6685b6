namespace Nuit.Portfolio.Common;

/// <summary>The thing asked for does not exist; hosts answer 404 / exit code 3 with this message.</summary>
public sealed class NotFoundException(string message) : Exception(message);
