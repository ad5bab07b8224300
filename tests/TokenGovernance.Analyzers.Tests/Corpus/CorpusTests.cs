using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using TokenGovernance.Analyzers.Tests.Verifiers;

namespace TokenGovernance.Analyzers.Tests.Corpus;

/// <summary>
/// Every rule over the labelled corpus (Corpus/Cases, re-created from public InfluxDB-using projects: SOURCES.md), as a
/// build runs them: each labelled credential must be found by its rule, nothing else may be reported, and the known
/// misses must still be missed (so labels.json stays true). docs/rules/README.md reports recall and false alarms.
/// </summary>
public sealed class CorpusTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Corpus", "Cases");

    [Fact]
    public async Task Every_labelled_credential_is_found_and_nothing_else()
    {
        var labels = Labels.Load(Path.Combine(AppContext.BaseDirectory, "Corpus", "labels.json"));
        var found = await RunAllRulesAsync();

        var missed = labels.Expected.Except(found).ToList();
        var falseAlarms = found.Except(labels.Expected).ToList();
        Assert.True(missed.Count == 0, "missed: " + string.Join(", ", missed));
        Assert.True(falseAlarms.Count == 0, "false alarms: " + string.Join(", ", falseAlarms));
        Assert.Empty(labels.KnownMisses.Intersect(found));
    }

    private static async Task<HashSet<Finding>> RunAllRulesAsync()
    {
        var files = Directory.GetFiles(Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var trees = files.Where(file => file.EndsWith(".cs", StringComparison.Ordinal))
            .Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: file))
            .ToList();
        var compilation = CSharpCompilation.Create(
            "Corpus", trees, TestReferences.All, new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        var additional = files.Where(file => !file.EndsWith(".cs", StringComparison.Ordinal))
            .Select(file => (AdditionalText)new FileText(file)).ToImmutableArray();
        ImmutableArray<DiagnosticAnalyzer> analyzers =
        [
            new HardCodedTokenAnalyzer(), new ConstantTokenAtSinkAnalyzer(), new ConfigFileTokenAnalyzer(),
            new TokenNamedLiteralAnalyzer(), new HardCodedPasswordAnalyzer(),
        ];
        var diagnostics = await compilation
            .WithAnalyzers(analyzers, new AnalyzerOptions(additional))
            .GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id == "AD0001");
        if (Environment.GetEnvironmentVariable("CORPUS_DEBUG") is not null)
        {
            foreach (var diagnostic in compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Concat(diagnostics))
            {
                Console.Error.WriteLine(diagnostic.ToString());
            }
        }
        return diagnostics
            .Select(diagnostic => new Finding(
                Path.GetRelativePath(Root, diagnostic.Location.GetLineSpan().Path).Replace('\\', '/'),
                diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1,
                diagnostic.Id))
            .ToHashSet();
    }

    private sealed record Finding(string File, int Line, string Rule);

    private sealed record Labels(IReadOnlyList<Finding> Expected, IReadOnlyList<Finding> KnownMisses)
    {
        public static Labels Load(string path)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            static List<Finding> Read(JsonElement list) => list.EnumerateArray()
                .Select(item => new Finding(item.GetProperty("file").GetString()!, item.GetProperty("line").GetInt32(), item.GetProperty("rule").GetString()!))
                .ToList();
            return new Labels(Read(document.RootElement.GetProperty("expected")), Read(document.RootElement.GetProperty("knownMisses")));
        }
    }

    private sealed class FileText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
    }
}
