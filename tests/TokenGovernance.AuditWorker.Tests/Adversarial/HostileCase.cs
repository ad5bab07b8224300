using TokenGovernance.AuditWorker.Tests.Support;

namespace TokenGovernance.AuditWorker.Tests.Adversarial;

/// <summary>
/// One hostile answer: the scripts that replace some endpoints' responses, and what the audit must make of it —
/// a failure whose one line holds <see cref="Expected"/>, or (<see cref="Succeeds"/>) a normal audit.
/// </summary>
internal sealed record HostileCase(string Name, HostileScript[] Scripts, string Expected, bool Succeeds = false, bool Cloud = false, string AuditTimeout = "00:00:20")
{
    public override string ToString() => Name;
}
