using System.Text.Json;
using TokenGovernance.Audit.Reporting;

namespace TokenGovernance.Audit.Tests.Reporting;

/// <summary>The report written in chunks is the serializer's own output, byte for byte, however small the chunks.</summary>
public sealed class ReportJsonTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(256)]
    [InlineData(64 * 1024)]
    public void Chunked_writing_gives_the_bytes_the_serializer_gives(int chunkSize)
    {
        var document = new ReportDocument
        {
            Tool = new ReportTool("tokengov", "0.1.0"),
            StartedAt = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero),
            FinishedAt = new DateTimeOffset(2026, 12, 1, 12, 0, 2, TimeSpan.Zero),
            Targets = Enumerable.Range(0, 300).Select(index => new ReportTarget
            {
                Name = $"prod-{index} \"quoted\" <tag> é ü 漢字 {new string('x', index)}",
                Url = $"https://influx-{index}.example.com/",
                Outcome = index % 7 == 0 ? "failure" : "success",
                Error = index % 7 == 0 ? "target 'prod': GET /api/v2/orgs failed\u0001" : null,
                Authorizations = index * 1000,
                RulesNotApplicable = index % 5 == 0 ? ["TG2003"] : null,
            }).ToList(),
            Findings = [],
            Summary = new ReportSummary { Critical = 1, High = 2 },
        };
        using var output = new MemoryStream();

        ReportJson.Write(output, document, ReportJsonContext.Default.ReportDocument, chunkSize);

        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(document, ReportJsonContext.Default.ReportDocument), output.ToArray());
    }
}
