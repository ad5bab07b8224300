using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace TokenGovernance.AuditWorker.Tests.Deploy;

/// <summary>The Helm chart without a Helm binary: values against the schema, template paths, rendered config.</summary>
public class ChartTests
{
    private static readonly string Chart = Path.Combine(RepositoryRoot.Path, "deploy", "helm", "token-governance");

    // JsonSchema.Net registers a schema by its location: load it once.
    private static readonly Lazy<JsonSchema> LoadedSchema = new(() => JsonSchema.FromFile(Path.Combine(Chart, "values.schema.json")));

    private static JsonSchema Schema() => LoadedSchema.Value;

    private static EvaluationResults Evaluate(JsonNode? values)
    {
        using var document = JsonDocument.Parse(values?.ToJsonString() ?? "{}");
        return Schema().Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    public static TheoryData<string> ValuesFiles()
    {
        var data = new TheoryData<string> { "values.yaml" };
        foreach (var file in Directory.GetFiles(Path.Combine(Chart, "ci"), "*-values.yaml").Order())
        {
            data.Add(Path.Combine("ci", Path.GetFileName(file)));
        }

        return data;
    }

    [Fact]
    public void Ci_values_files_cover_the_documented_cases()
    {
        var names = Directory.GetFiles(Path.Combine(Chart, "ci")).Select(Path.GetFileName).ToList();
        Assert.Superset(new HashSet<string?> { "minimal-values.yaml", "existing-secret-values.yaml", "kubernetes-references-values.yaml", "monitoring-on-values.yaml", "ha-values.yaml" }, names.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(ValuesFiles))]
    public void Values_file_validates_against_the_schema(string file)
    {
        var results = Evaluate(YamlJson.Load(Path.Combine(Chart, file)));
        Assert.True(results.IsValid, string.Join('\n', (results.Details ?? []).Where(detail => detail.Errors is not null).SelectMany(detail => detail.Errors!.Select(error => detail.InstanceLocation + ": " + error.Value))));
    }

    [Theory]
    [InlineData("replicaCount: two\n", "/replicaCount")]
    [InlineData("replicas: 2\n", "replicas")]
    [InlineData("service:\n  port: 99999\n", "/service/port")]
    [InlineData("image:\n  pullPolicy: Sometimes\n", "/image/pullPolicy")]
    [InlineData("influx:\n  existingSecret:\n    name: x\n    file: y\n", "file")]
    public void Bad_values_are_rejected(string yaml, string where)
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-values-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        try
        {
            var results = Evaluate(YamlJson.Load(path));
            Assert.False(results.IsValid);
            var text = string.Join('\n', (results.Details ?? []).Where(detail => detail.Errors is not null)
                .SelectMany(detail => detail.Errors!.Select(error => detail.InstanceLocation + " " + error.Value)));
            Assert.Contains(where, text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Every_values_path_used_in_a_template_exists_in_values_yaml()
    {
        var values = YamlJson.Load(Path.Combine(Chart, "values.yaml"))!;
        var missing = new List<string>();
        foreach (var template in Directory.GetFiles(Path.Combine(Chart, "templates")))
        {
            foreach (Match match in Regex.Matches(File.ReadAllText(template), @"\$?\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)"))
            {
                JsonNode? node = values;
                foreach (var part in match.Groups[1].Value.Trim('.').Split('.'))
                {
                    node = node is JsonObject obj && obj.TryGetPropertyValue(part, out var child) ? child ?? JsonValue.Create("null default") : null;
                    if (node is null)
                    {
                        break;
                    }
                }

                if (node is null)
                {
                    missing.Add($"{Path.GetFileName(template)}: .Values{match.Groups[1].Value}");
                }
            }
        }

        Assert.True(missing.Count == 0, string.Join('\n', missing.Distinct()));
    }

    [Fact]
    public void Templates_are_balanced_and_use_only_helm_functions()
    {
        var known = new HashSet<string>(StringComparer.Ordinal)
        {
            "define", "end", "if", "else", "range", "with", "include", "template", "toYaml", "toPrettyJson", "nindent", "indent", "quote",
            "default", "trunc", "trimSuffix", "printf", "replace", "contains", "fail", "required", "b64enc", "sha256sum", "print", "and",
            "or", "not", "eq", "ne", "gt", "int", "mul", "deepCopy", "list", "append", "hasKey", "set", "dict", "toJson", "true", "false", "nil",
            "fromYaml", "index", "len",
        };
        foreach (var template in Directory.GetFiles(Path.Combine(Chart, "templates")))
        {
            // Prometheus templates inside `…` literals are text to Helm.
            var text = Regex.Replace(File.ReadAllText(template), @"\{\{-?\s*/\*.*?\*/\s*-?\}\}", string.Empty, RegexOptions.Singleline);
            text = Regex.Replace(text, "`[^`]*`", "``");
            var actions = Regex.Matches(text, @"\{\{-?\s*(.*?)\s*-?\}\}", RegexOptions.Singleline).Select(match => match.Groups[1].Value).ToList();
            var opened = actions.Count(action => Regex.IsMatch(action, @"^(if|range|with|define)\b"));
            var closed = actions.Count(action => action == "end");
            Assert.True(opened == closed, $"{Path.GetFileName(template)}: {opened} blocks opened, {closed} closed");
            foreach (var action in actions.Where(action => !action.StartsWith('`') && !action.StartsWith('"')))
            {
                foreach (Match word in Regex.Matches(Regex.Replace(action, "\"[^\"]*\"|`[^`]*`", string.Empty), @"(?<![.$\w])([a-z][A-Za-z0-9]*)\b"))
                {
                    Assert.True(known.Contains(word.Groups[1].Value), $"{Path.GetFileName(template)}: unknown function '{word.Groups[1].Value}' in {{{{ {action} }}}}");
                }
            }
        }
    }
}
