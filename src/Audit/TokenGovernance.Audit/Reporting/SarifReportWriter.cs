using System.Text.Json;
using TokenGovernance.Audit.Policy;

namespace TokenGovernance.Audit.Reporting;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning: one result per finding, rule metadata with help links. Findings are about
/// servers, not files, so each result points at a logical location (target/org/authorization).
/// </summary>
public sealed class SarifReportWriter(PolicyRuleCatalog catalog) : IReportWriter, IReportFormat
{
    private const int FlushThreshold = 1 << 16;

    public static string FormatName => "sarif";

    public string Format => FormatName;

    public async Task WriteAsync(ReportDocument report, Stream output, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", report.Tool.Name);
        json.WriteString("version", report.Tool.Version);
        json.WriteString("informationUri", "https://github.com/tokengovernance/tokengovernance");
        json.WriteStartArray("rules");
        var rules = catalog.All.OrderBy(rule => rule.Id, StringComparer.Ordinal).ToList();
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", rule.Slug);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Title);
            json.WriteEndObject();
            json.WriteString("helpUri", rule.HelpLink);
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.DefaultSeverity.ToName()));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("security-severity", SecuritySeverity(rule.DefaultSeverity.ToName()));
            json.WriteStartArray("tags");
            json.WriteStringValue("security");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("results");
        foreach (var finding in report.Findings)
        {
            // Hand the bytes to the stream as they come: 100,000 results would otherwise be buffered whole.
            if (json.BytesPending > FlushThreshold)
            {
                await json.FlushAsync(cancellationToken);
            }

            json.WriteStartObject();
            json.WriteString("ruleId", finding.RuleId);
            var index = rules.FindIndex(rule => rule.Id == finding.RuleId);
            if (index >= 0)
            {
                json.WriteNumber("ruleIndex", index);
            }

            json.WriteString("level", Level(finding.Severity));
            json.WriteStartObject("message");
            json.WriteString("text", finding.Message);
            json.WriteEndObject();
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("fullyQualifiedName", LogicalName(finding));
            json.WriteString("kind", "resource");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartObject("partialFingerprints");
            json.WriteString("tokengov/v1", string.Join('/', finding.Target, finding.RuleId, finding.AuthorizationId ?? finding.Reference?.Location ?? string.Empty));
            json.WriteEndObject();
            if (finding.Suppressed)
            {
                json.WriteStartArray("suppressions");
                json.WriteStartObject();
                json.WriteString("kind", "external");
                json.WriteString("justification", finding.Exemption?.Reason ?? "exempted");
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteStartObject("properties");
            json.WriteString("severity", finding.Severity);
            json.WriteString("target", finding.Target);
            WriteOptional(json, "org", finding.Org);
            WriteOptional(json, "authorizationId", finding.AuthorizationId);
            WriteOptional(json, "user", finding.User);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private static string LogicalName(ReportFinding finding) =>
        string.Join('/', new[] { finding.Target, finding.Org, finding.AuthorizationId ?? finding.Reference?.Location }.Where(part => !string.IsNullOrEmpty(part)));

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static string Level(string severity) => severity switch
    {
        "critical" or "high" => "error",
        "medium" => "warning",
        _ => "note",
    };

    private static string SecuritySeverity(string severity) => severity switch
    {
        "critical" => "9.5",
        "high" => "8.0",
        "medium" => "5.5",
        _ => "2.0",
    };
}
