namespace TokenGovernance.Audit.References;

/// <summary>
/// The probe of a product that takes none: InfluxDB 3 Core/Enterprise match found values by hash prefix, Dedicated
/// and Clustered by declared id only. It never sends anything; the reference auditor does not call it there.
/// </summary>
public sealed class NoTokenProbe : ITokenProbe
{
    public static NoTokenProbe Instance { get; } = new();

    public Task<ProbeResult> ProbeAsync(string value, CancellationToken cancellationToken) =>
        Task.FromResult(new ProbeResult(ProbeOutcome.Failed, null, "this product takes no probe"));
}
