using TokenGovernance.AuditWorker.Tests.Adversarial;
using TokenGovernance.AuditWorker.Tests.Cli;
using TokenGovernance.AuditWorker.Tests.Remediation;
using TokenGovernance.AuditWorker.Tests.Support;

namespace TokenGovernance.AuditWorker.Tests.NativeAot;

// The scenario classes of the build output, run again against the Native AOT binary: every tokengov process their
// tests start is the native one (TokengovProcess.Native, set for the test's own flow by the constructor).

/// <summary>Re-issue end to end: Kubernetes merge patches and workload restarts through KubernetesClient.Aot, file rewrites, rollback.</summary>
[Collection(NativeAotCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class NativeReissueTests : ReissueTests
{
    public NativeReissueTests(NativeAotBinary binary) => TokengovProcess.Native = binary.Path;

    [Fact]
    public void Its_processes_are_the_native_binary() => Assert.EndsWith("tokengov", TokengovProcess.Native, StringComparison.Ordinal);
}

/// <summary>Every configuration case: the source-generated binder, the unknown-setting finder's JSON metadata, validation.</summary>
[Collection(NativeAotCollection.Name)]
public sealed class NativeConfigurationCaseTests : ConfigurationCaseTests
{
    public NativeConfigurationCaseTests(HostileFixture fixture, NativeAotBinary binary)
        : base(fixture) => TokengovProcess.Native = binary.Path;
}

/// <summary>Usage errors, help and version as the native binary prints them.</summary>
[Collection(NativeAotCollection.Name)]
public sealed class NativeCommandLineErrorTests : CommandLineErrorTests
{
    public NativeCommandLineErrorTests(NativeAotBinary binary) => TokengovProcess.Native = binary.Path;
}

/// <summary>Every hostile answer through the native <c>tokengov audit</c>: the hand-written parser's failures, one line, no token.</summary>
[Collection(NativeAotCollection.Name)]
public sealed class NativeHostileResponseTests : HostileResponseTests, IClassFixture<HostileFixture>
{
    public NativeHostileResponseTests(HostileFixture fixture, NativeAotBinary binary)
        : base(fixture) => TokengovProcess.Native = binary.Path;

    public static TheoryData<string> All => new(HostileCases.Names);

    [Theory]
    [MemberData(nameof(All))]
    public Task Hostile_response_fails_the_target_clearly_and_leaks_nothing(string name) => RunAsync(name);
}

/// <summary>InfluxDB v2, InfluxDB 3 and Cloud Dedicated targets in one native report and SARIF log, and in the native worker.</summary>
[Collection(NativeAotCollection.Name)]
public sealed class NativeMixedTargetsTests : TokenGovernance.AuditWorker.Tests.InfluxV3.MixedTargetsTests
{
    public NativeMixedTargetsTests(NativeAotBinary binary) => TokengovProcess.Native = binary.Path;
}

/// <summary>Deactivation plans, capped applies, journals and rollbacks by the native binary.</summary>
[Collection(NativeAotCollection.Name)]
public sealed class NativeRemediationTests : RemediationTests
{
    public NativeRemediationTests(NativeAotBinary binary) => TokengovProcess.Native = binary.Path;
}

/// <summary>Sixty targets on three clustered native replicas: every fire reaches every target once, a killed replica loses none.</summary>
[Collection(NativeAotCollection.Name)]
public sealed class NativeClusterScaleOutTests : TokenGovernance.AuditWorker.Tests.Persistence.ClusterScaleOutTests
{
    public NativeClusterScaleOutTests(NativeAotBinary binary) => TokengovProcess.Native = binary.Path;
}

/// <summary>The native <c>remediate apply</c> killed at every changing call of a deactivation and a re-issue: apply again, or rollback, converges.</summary>
[Collection(NativeAotCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class NativeCrashSafetyTests : CrashSafetyTests
{
    public NativeCrashSafetyTests(NativeAotBinary binary) => TokengovProcess.Native = binary.Path;
}
