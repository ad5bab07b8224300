using System.Diagnostics;

namespace TokenGovernance.AuditWorker.Tests.Support;

/// <summary>
/// "Now" starts at a fixed date so token ages are stable, while timers and delays stay real: Polly and Quartz
/// take their delays from the same TimeProvider, and a frozen clock would stall every retry.
/// </summary>
internal sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();

    public override DateTimeOffset GetUtcNow() => start + _elapsed.Elapsed;
}
