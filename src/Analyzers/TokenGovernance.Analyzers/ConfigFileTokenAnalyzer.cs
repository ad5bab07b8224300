using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using TokenGovernance.TokenDetection;

namespace TokenGovernance.Analyzers
{
    /// <summary>TG1003: an InfluxDB token in a configuration file that ships with the code (an AdditionalFile).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConfigFileTokenAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor(
            RuleIds.TokenInConfigurationFile,
            title: "InfluxDB token in a configuration file",
            messageFormat: "'{0}' in {1} is an InfluxDB token ({2}); reference a secret instead of the value",
            category: RuleIds.SecurityCategory,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Configuration files are committed, packed and copied into images; a token in them leaks with every copy.",
            helpLinkUri: RuleIds.HelpLink(RuleIds.TokenInConfigurationFile));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterAdditionalFileAction(AnalyzeFile);
        }

        private static void AnalyzeFile(AdditionalFileAnalysisContext context)
        {
            var path = context.AdditionalFile.Path;
            var settings = AnalyzerSettings.From(context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.AdditionalFile));
            if (!settings.IsConfigurationFile(path))
            {
                return;
            }

            var text = context.AdditionalFile.GetText(context.CancellationToken);
            if (text is null)
            {
                return;
            }

            var scanner = new ConfigTokenScanner(settings.TokenNames, settings.PlaceholderPatterns);
            var fileName = Path.GetFileName(path);
            foreach (var line in text.Lines)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                foreach (var finding in scanner.ScanLine(line.ToString(), line.LineNumber + 1))
                {
                    var start = line.Start + finding.Column - 1;
                    var span = new TextSpan(start, finding.Value.Length);
                    var location = Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
                    var evidence = finding.Evidence == ConfigTokenEvidence.Shape
                        ? "it has the " + TokenShapeNames.Describe(finding.Shape!.Value) + " token shape"
                        : "value of '" + finding.Key + "'";
                    context.ReportDiagnostic(Diagnostic.Create(
                        Rule, location, TokenRedaction.Mask(finding.Value), fileName + ":" + finding.Line + ":" + finding.Column, evidence));
                }
            }
        }
    }
}
