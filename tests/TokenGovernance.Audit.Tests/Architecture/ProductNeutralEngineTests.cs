using System.Text.RegularExpressions;

namespace TokenGovernance.Audit.Tests.Architecture;

/// <summary>
/// The engine names no product: no product's <c>Kind</c> word, name, API path or settings key in its code (comments
/// may explain by example). A product's knowledge lives in its plug-in project and reaches the engine through
/// <c>Products.ProductDescriptor</c>; a product word here is a switch on a product in disguise.
/// </summary>
public sealed partial class ProductNeutralEngineTests
{
    private static readonly string Engine = Path.Combine(RepositoryRoot.Path, "src", "Audit", "TokenGovernance.Audit");

    [Fact]
    public void The_engine_s_code_names_no_product()
    {
        var files = Directory.GetFiles(Engine, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 50, "the engine's sources were not found under " + Engine);

        var hits = files
            .SelectMany(file => File.ReadAllLines(file).Select((line, index) => (File: Path.GetRelativePath(Engine, file), Line: index + 1, Text: line)))
            .Where(line => !line.Text.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .SelectMany(line => ProductWord().Matches(line.Text).Select(match => $"{line.File}:{line.Line}: '{match.Value}'"))
            .ToList();

        Assert.True(hits.Count == 0, "product words in the engine (move them to the product's plug-in):\n" + string.Join("\n", hits));
    }

    [Theory]
    [InlineData("Kind = \"influxdb2\"")]
    [InlineData("case \"cloud-dedicated\":")]
    [InlineData("target.AccountId")]
    [InlineData("\"PATCH /api/v2/authorizations\"")]
    [InlineData("\"InfluxDB 3 cannot\"")]
    [InlineData("TargetKind.Clustered")]
    public void The_check_sees_a_product_word(string code) => Assert.Matches(ProductWord(), code);

    [GeneratedRegex(@"(?i)\binfluxdb ?[123v]\w*|\bcloud-dedicated\b|\bdedicated\b|\bclustered\b|/api/v\d|\bAccountId\b|\bClusterId\b|\bManagementUrl\b|\bTargetKinds?\b|\bapiv[13]_|system\.tokens|""(oss|cloud|core|enterprise)""")]
    private static partial Regex ProductWord();
}
