using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TokenGovernance.TokenDetection;

namespace TokenGovernance.Analyzers
{
    /// <summary>
    /// TG1005: a hard-coded InfluxDB password: a constant passed to the password of an InfluxDB client's
    /// username/password overloads, options or builder, or the value of an InfluxDB password key in a configuration
    /// file that ships with the code (an AdditionalFile).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardCodedPasswordAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor(
            RuleIds.HardCodedPassword,
            title: "Hard-coded InfluxDB password",
            messageFormat: "'{0}' is an InfluxDB password hard-coded in {1}; read it from configuration or a secret store at run time",
            category: RuleIds.SecurityCategory,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A password in code or in a committed configuration file leaks with every copy of the repository and every image built from it; unlike a token it usually opens the UI and every token of its user too.",
            helpLinkUri: RuleIds.HelpLink(RuleIds.HardCodedPassword));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var envFiles = ComposeEnvFiles.Of(start.Options.AdditionalFiles);
                start.RegisterAdditionalFileAction(file => AnalyzeFile(file, envFiles));

                var symbols = InfluxClientSymbols.Create(start.Compilation);
                if (symbols.ClientTypes.IsEmpty)
                {
                    return;
                }

                var reported = new ConcurrentDictionary<Location, bool>();
                // One action per file: the few nodes that can be sinks come from the file's text (SinkLocator).
                start.RegisterSemanticModelAction(model =>
                {
                    foreach (var sink in SinkLocator.Sinks(model.SemanticModel, symbols, model.CancellationToken))
                    {
                        AnalyzeOperation(model, sink, reported);
                    }
                });
            });
        }

        private static void AnalyzeOperation(SemanticModelAnalysisContext context, TokenSink sink, ConcurrentDictionary<Location, bool> reported)
        {
            if (sink.Kind != TokenSinkKind.Password)
            {
                return;
            }

            var settings = AnalyzerSettings.From(context.Options.AnalyzerConfigOptionsProvider.GetOptions(sink.Value.SyntaxTree));

            foreach (var origin in ConstantOriginResolver.Resolve(sink.Value, context.SemanticModel, context.CancellationToken))
            {
                var location = origin.Literal.GetLocation();
                if (origin.Text.Length == 0 || !SecretValueFacts.IsCandidatePassword(origin.Text, settings)
                    || location.SourceTree is null || !context.SemanticModel.Compilation.ContainsSyntaxTree(location.SourceTree) || !reported.TryAdd(location, true))
                {
                    continue;
                }

                context.ReportDiagnostic(Diagnostic.Create(Rule, location, TokenRedaction.Mask(origin.Text), sink.Description));
            }
        }

        private static void AnalyzeFile(AdditionalFileAnalysisContext context, System.Lazy<ImmutableHashSet<string>> envFiles)
        {
            var path = context.AdditionalFile.Path;
            var settings = AnalyzerSettings.From(context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.AdditionalFile));
            if (context.AdditionalFile.GetText(context.CancellationToken) is not { } text || ConfigFileKinds.IsBinary(text)
                || !ConfigFileKinds.IsConfiguration(path, text, settings, envFiles))
            {
                return;
            }

            var scanner = new ConfigPasswordScanner(settings.PlaceholderPatterns);
            var fileName = Path.GetFileName(path);
            foreach (var line in text.Lines)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                foreach (var finding in scanner.ScanLine(line.ToString(), line.LineNumber + 1))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Rule, ConfigFileKinds.LocationOf(path, text, finding), TokenRedaction.Mask(finding.Value), fileName + ":" + finding.Line + ":" + finding.Column + " ('" + finding.Key + "')"));
                }
            }
        }
    }
}
