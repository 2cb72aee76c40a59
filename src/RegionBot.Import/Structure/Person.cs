namespace RegionBot.Import.Structure;

/// <summary>Someone (or some institution) an article quotes or reports, with the role and country it has.</summary>
/// <param name="Country">A covered country, or null for a foreign speaker or one the text does not place.</param>
public sealed record Person(string Name, string? Role, string? Country, bool IsInstitution);
