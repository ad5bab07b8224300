using TokenGovernance.Audit.Auditing;
using TokenGovernance.InfluxDouble;
using TokenGovernance.AuditWorker.Tests.Support;

namespace TokenGovernance.AuditWorker.Tests.Listing;

/// <summary>One audit with token records per product mode (OSS 2.7, OSS 2.9, Cloud) of <see cref="ListingData"/>, shared by the filter tests.</summary>
public sealed class ListingFixture : IAsyncLifetime
{
    private readonly Dictionary<InfluxDoubleMode, AuditReport> _reports = [];

    internal TestData Data { get; } = ListingData.Create();

    public AuditReport Report(InfluxDoubleMode mode) => _reports[mode];

    public async Task InitializeAsync()
    {
        foreach (var mode in Enum.GetValues<InfluxDoubleMode>())
        {
            await using var harness = await AuditHarness.StartAsync(mode, Data);
            var report = await harness.RunAsync(AuditDetail.Tokens);
            Assert.True(report.Targets.All(target => target.Outcome == AuditOutcome.Success), string.Join("; ", report.Targets.Select(target => target.Error)));
            _reports[mode] = report;
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
