using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Configuration;

namespace TokenGovernance.AuditWorker.Scheduling;

/// <summary>Cancelled <c>ShutdownGracePeriod</c> after the host begins to stop: running audits get that long to finish.</summary>
public sealed class ShutdownGrace : IDisposable
{
    private readonly CancellationTokenSource _source = new();

    public ShutdownGrace(IHostApplicationLifetime lifetime, IOptions<TokenGovernanceOptions> options)
    {
        var grace = options.Value.ShutdownGracePeriod;
        lifetime.ApplicationStopping.Register(() => _source.CancelAfter(grace));
    }

    public CancellationToken Token => _source.Token;

    public void Dispose() => _source.Dispose();
}
