using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using TokenGovernance.Analyzers;

// Each input alone in a compilation with every rule, timed; a crash of an analyzer (AD0001) or a bound passed fails the run.
var bound = TimeSpan.FromSeconds(args.Length > 0 && double.TryParse(args[0], out var seconds) ? seconds : 10);
var references = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!.ToString()!.Split(Path.PathSeparator)
    .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "netstandard.dll")
    .Append(typeof(InfluxDB.Client.InfluxDBClient).Assembly.Location)
    .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToList();
var v2 = "SEcG4SAM4EMik26ZEYHp7879S380FmkipYvGjIDty1-gvWtCuwnurEAyE5-2DOSdZqCQH2NzZwGLJAYf2vnj4g==";
var failures = 0;

Run("1 MB string literal", Code($"class C {{ string s = \"{new string('a', 1 << 20)} {v2}\"; }}"), []);
Run("5,000-part concatenation", Code("class C { string s = " + string.Join(" + ", Enumerable.Range(0, 5000).Select(index => $"\"part{index}\"")) + "; }"), []);
Run("5,000-part concatenation at a token sink", Code("using InfluxDB.Client; class C { InfluxDBClient M() => new InfluxDBClient(\"http://a\", " + string.Join(" + ", Enumerable.Range(0, 5000).Select(index => $"\"p{index}\"")) + "); }"), []);
Run("binary AdditionalFile (1 MB of bytes with NULs)", Code("class C { }"), [("/src/image.png", BinaryText(1 << 20))]);
Run("50 MB AdditionalFile of config lines", Code("class C { }"), [("/src/appsettings.json", ConfigText(50 << 20, v2))]);
Run("50 MB AdditionalFile on one line (minified)", Code("class C { }"), [("/src/bundle.json", "{" + string.Concat(Enumerable.Repeat("\"k\":\"v\",", (50 << 20) / 8)) + $"\"token\":\"{v2}\"}}")]);
Run("pathological placeholders", Code("class C { string a = \"${" + new string('{', 100_000) + "\"; string token = \"<" + new string('<', 100_000) + "\"; }"),
    [("/src/.env", "INFLUX_TOKEN=" + new string('$', 200_000) + "{" + new string('x', 200_000) + "\n")]);
Run("50,000 lines of KEY=value", Code("class C { }"), [("/src/docker-env-vars", string.Concat(Enumerable.Range(0, 50_000).Select(index => $"KEY_{index}=value-{index}\n")) + "INFLUX_TOKEN=stress-env-token\n")]);

Console.WriteLine(failures == 0 ? "all inputs within the bound, no AD0001" : $"{failures} input(s) failed");
return failures == 0 ? 0 : 1;

void Run(string name, SyntaxTree tree, (string Path, string Text)[] files)
{
    var compilation = CSharpCompilation.Create("Stress", [tree], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    ImmutableArray<DiagnosticAnalyzer> analyzers =
    [
        new HardCodedTokenAnalyzer(), new ConstantTokenAtSinkAnalyzer(), new ConfigFileTokenAnalyzer(), new TokenNamedLiteralAnalyzer(), new HardCodedPasswordAnalyzer(),
    ];
    var additional = files.Select(file => (AdditionalText)new MemoryText(file.Path, file.Text)).ToImmutableArray();
    var stopwatch = Stopwatch.StartNew();
    var diagnostics = compilation.WithAnalyzers(analyzers, new AnalyzerOptions(additional)).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    stopwatch.Stop();
    var crashed = diagnostics.Where(diagnostic => diagnostic.Id == "AD0001").ToList();
    var ok = crashed.Count == 0 && stopwatch.Elapsed <= bound;
    failures += ok ? 0 : 1;
    var found = string.Join(", ", diagnostics.Where(diagnostic => diagnostic.Id.StartsWith("TG", StringComparison.Ordinal)).GroupBy(diagnostic => diagnostic.Id).Select(group => $"{group.Key}×{group.Count()}"));
    Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {name}: {stopwatch.Elapsed.TotalSeconds:F2} s (bound {bound.TotalSeconds:F0} s){(crashed.Count > 0 ? ", AD0001: " + crashed[0].GetMessage() : string.Empty)}; {(found.Length > 0 ? found : "no finding")}");
}

static SyntaxTree Code(string text) => CSharpSyntaxTree.ParseText(text);

static string BinaryText(int length)
{
    var random = new Random(5);
    var builder = new StringBuilder(length);
    for (var index = 0; index < length; index++)
    {
        builder.Append((char)random.Next(0, 256));
    }

    return builder.ToString();
}

static string ConfigText(int length, string token)
{
    var builder = new StringBuilder(length + 200);
    builder.Append("{\n  \"InfluxDB\": {\n    \"Token\": \"").Append(token).Append("\",\n");
    for (var index = 0; builder.Length < length; index++)
    {
        builder.Append("    \"Setting").Append(index).Append("\": \"value ").Append(index).Append(" of the stress file\",\n");
    }

    return builder.Append("    \"Last\": 1\n  }\n}\n").ToString();
}

sealed class MemoryText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
}
