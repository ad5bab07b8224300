using TokenGovernance.AuditWorker.Tests.Support;

namespace TokenGovernance.AuditWorker.Tests.Adversarial;

/// <summary>
/// One hostile answer: the scripts that replace some endpoints' responses, and what the audit must make of it —
/// a failure whose one line holds <see cref="Expected"/>, or (<see cref="Succeeds"/>) a normal audit. A case that
/// <see cref="Stalls"/> (its server holds back on purpose) runs with a one-second attempt timeout; every other case
/// with generous ones, so that no case races real work (a 65 MiB answer on a busy machine) against a short timeout.
/// </summary>
internal sealed record HostileCase(string Name, HostileScript[] Scripts, string Expected, bool Succeeds = false, bool Cloud = false, string AuditTimeout = "00:00:20", bool Stalls = false)
{
    public override string ToString() => Name;
}
