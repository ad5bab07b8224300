namespace TokenGovernance.Audit.Listing.Writers;

/// <summary>Every format of <c>tokengov tokens</c>, in the order help lists them: the one place a format is added.</summary>
public static class TokenListWriters
{
    public static IReadOnlyList<ITokenListWriter> All { get; } = [new TokenTableWriter(), new TokenJsonWriter(), new TokenCsvWriter()];

    public static IReadOnlyList<string> Formats { get; } = All.Select(writer => writer.Format).ToList();

    /// <summary><c>table, json or csv</c>.</summary>
    public static string Described => Configuration.Choices.Described(Formats);

    public static ITokenListWriter? Find(string format) => All.FirstOrDefault(writer => writer.Format == format);
}
