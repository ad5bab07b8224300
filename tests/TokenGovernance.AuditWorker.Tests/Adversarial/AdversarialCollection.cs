namespace TokenGovernance.AuditWorker.Tests.Adversarial;

/// <summary>
/// The adversarial classes start a process per case: one class at a time, so that on two cores they leave room for
/// the timing-sensitive worker tests running beside them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AdversarialCollection
{
    public const string Name = "Adversarial";
}
