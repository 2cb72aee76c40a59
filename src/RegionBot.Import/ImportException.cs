namespace RegionBot.Import;

/// <summary>
/// An article that cannot be imported, with one line that says why and what to do. The import stops before writing
/// anything when it is thrown.
/// </summary>
public sealed class ImportException(string message) : Exception(message);
