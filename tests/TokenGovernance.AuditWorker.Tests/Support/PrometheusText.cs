using System.Globalization;
using System.Text.RegularExpressions;

namespace TokenGovernance.AuditWorker.Tests.Support;

/// <summary>A minimal parser of the Prometheus text exposition format, for asserting on scraped metrics.</summary>
internal sealed partial class PrometheusText
{
    private PrometheusText(List<Sample> samples) => Samples = samples;

    public List<Sample> Samples { get; }

    public static PrometheusText Parse(string text)
    {
        var samples = new List<Sample>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var match = SampleLine().Match(line);
            Assert.True(match.Success, "not a Prometheus sample line: " + line);
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match label in LabelPair().Matches(match.Groups["labels"].Value))
            {
                labels[label.Groups["name"].Value] = label.Groups["value"].Value;
            }

            samples.Add(new Sample(match.Groups["name"].Value, labels, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)));
        }

        return new PrometheusText(samples);
    }

    public IEnumerable<Sample> Named(string name) => Samples.Where(sample => sample.Name == name);

    public double? Value(string name, params (string Label, string Value)[] labels) =>
        Named(name).FirstOrDefault(sample => labels.All(label => sample.Labels.TryGetValue(label.Label, out var value) && value == label.Value))?.Value;

    public sealed record Sample(string Name, Dictionary<string, string> Labels, double Value);

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>[^\s]+)(\s+\d+)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<name>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
