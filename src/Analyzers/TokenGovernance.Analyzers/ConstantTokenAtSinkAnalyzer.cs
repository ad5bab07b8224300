using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TokenGovernance.TokenDetection;

namespace TokenGovernance.Analyzers
{
    /// <summary>
    /// TG1002: a non-placeholder constant without a token shape that reaches a token position of the InfluxDB
    /// clients or of an HTTP Authorization header (user-chosen setup tokens such as "my-super-secret-admin-token").
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConstantTokenAtSinkAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor(
            RuleIds.ConstantUsedAsToken,
            title: "Constant used as an InfluxDB token",
            messageFormat: "The constant '{0}' is used as a token in {1}; read the token from a secret store at run time",
            category: RuleIds.SecurityCategory,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Setup and operator tokens can be any string the administrator chose, so only the place where a value is used tells that it is a token.",
            helpLinkUri: RuleIds.HelpLink(RuleIds.ConstantUsedAsToken));

        private static readonly string[] SchemePrefixes = { "Token ", "Bearer " };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var symbols = InfluxClientSymbols.Create(start.Compilation);
                if (!symbols.HasAnySink)
                {
                    return;
                }

                // A const used by several sinks is reported once, at its literal.
                var reported = new ConcurrentDictionary<Location, bool>();
                // Operation actions reuse the operation trees the driver builds once for every operation analyzer;
                // the syntax filter still runs first, so only possible sinks are looked at.
                // One action per file: the few nodes that can be sinks come from the file's text (SinkLocator).
                start.RegisterSemanticModelAction(model =>
                {
                    foreach (var sink in SinkLocator.Sinks(model.SemanticModel, symbols, model.CancellationToken))
                    {
                        Analyze(model, sink, reported);
                    }
                });
            });
        }

        private static void Analyze(SemanticModelAnalysisContext context, TokenSink sink, ConcurrentDictionary<Location, bool> reported)
        {
            if (sink.Kind == TokenSinkKind.Password)
            {
                // A password is not a token: TG1005 reports it.
                return;
            }

            var model = context.SemanticModel;
            var settings = AnalyzerSettings.From(context.Options.AnalyzerConfigOptionsProvider.GetOptions(sink.Value.SyntaxTree));

            var origins = ConstantOriginResolver.Resolve(sink.Value, model, context.CancellationToken);
            foreach (var origin in origins)
            {
                if (TokenShapeDetector.ContainsToken(origin.Text) || !TryLocateToken(sink.Kind, origin, out var start, out var length))
                {
                    continue;
                }

                var candidate = origin.Text.Substring(start, length);
                if (!SecretValueFacts.IsCandidateSecret(candidate, settings) || SecretValueFacts.IsGlue(candidate))
                {
                    continue;
                }

                var location = origin.Literal.GetLocation();
                if (location.SourceTree is null || !model.Compilation.ContainsSyntaxTree(location.SourceTree) || !reported.TryAdd(location, true))
                {
                    continue;
                }

                var properties = start == 0 && length == origin.Text.Length
                    ? ImmutableDictionary<string, string?>.Empty
                    : ImmutableDictionary<string, string?>.Empty
                        .Add(DiagnosticProperties.TokenStart, start.ToString(CultureInfo.InvariantCulture))
                        .Add(DiagnosticProperties.TokenLength, length.ToString(CultureInfo.InvariantCulture));
                context.ReportDiagnostic(Diagnostic.Create(Rule, location, properties, TokenRedaction.Mask(candidate), sink.Description));
            }
        }

        private static bool TryLocateToken(TokenSinkKind kind, ConstantOrigin origin, out int start, out int length)
        {
            var text = origin.Text;
            start = 0;
            length = text.Length;
            switch (kind)
            {
                case TokenSinkKind.ConnectionString:
                    var parameter = ConnectionStringToken.Find(text);
                    if (parameter is null)
                    {
                        return false;
                    }

                    (start, length) = parameter.Value;
                    return true;
                case TokenSinkKind.AuthorizationHeader:
                    foreach (var prefix in SchemePrefixes)
                    {
                        if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                        {
                            start = prefix.Length;
                            length = text.Length - prefix.Length;
                            return length > 0;
                        }
                    }

                    // "Basic …" and other schemes are not InfluxDB tokens; a part after "Token " is.
                    return !origin.IsFirstPart;
                default:
                    return true;
            }
        }
    }
}
