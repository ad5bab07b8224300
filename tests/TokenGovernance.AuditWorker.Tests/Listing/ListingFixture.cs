using TokenGovernance.Audit.Auditing;
using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.Listing;

/// <summary>
/// One double per product mode (OSS 2.7, OSS 2.9, Cloud) serving <see cref="ListingData"/>, and one full audit with
/// token records of each, shared by the listing tests.
/// </summary>
public sealed class ListingFixture : IAsyncLifetime
{
    private readonly Dictionary<InfluxDoubleMode, AuditReport> _reports = [];
    private readonly Dictionary<InfluxDoubleMode, AuditHarness> _harnesses = [];

    internal TestData Data { get; } = ListingData.Create();

    public AuditReport Report(InfluxDoubleMode mode) => _reports[mode];

    public InfluxApiDouble Server(InfluxDoubleMode mode) => _harnesses[mode].Server;

    /// <summary>A fresh audit of the mode's double, reading only what <paramref name="scope"/> asks.</summary>
    public Task<AuditReport> AuditAsync(InfluxDoubleMode mode, ReadScope scope, Audit.Listing.TokenQuery? keep = null) =>
        _harnesses[mode].RunAsync(AuditDetail.Tokens, scope, keep);

    public async Task InitializeAsync()
    {
        foreach (var mode in InfluxDoubleModes.V2)
        {
            var harness = await AuditHarness.StartAsync(mode, Data);
            _harnesses[mode] = harness;
            var report = await harness.RunAsync(AuditDetail.Tokens);
            Assert.True(report.Targets.All(target => target.Outcome == AuditOutcome.Success), string.Join("; ", report.Targets.Select(target => target.Error)));
            _reports[mode] = report;
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var harness in _harnesses.Values)
        {
            await harness.DisposeAsync();
        }
    }
}
