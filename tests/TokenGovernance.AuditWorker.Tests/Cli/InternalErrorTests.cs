using TokenGovernance.Audit.Model;
using TokenGovernance.Audit.Policy;
using TokenGovernance.AuditWorker.Results;
using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.Cli;

/// <summary>
/// The last resort: an exception no audit step expects (here a broken rule, standing in for any bug) is a failed
/// target that names the exception type and where it was thrown, exit 70, and never the exception's message.
/// </summary>
public sealed class InternalErrorTests
{
    private const string Canary = "canary-in-an-exception-message";

    [Fact]
    public async Task A_bug_in_an_audit_is_a_named_internal_error_without_the_exception_message()
    {
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss27);
        harness.ExtraServices = services => services.AddSingleton<IPolicyRule, BrokenRule>();

        var report = await harness.RunAsync();

        var result = Assert.Single(report.Targets);
        Assert.True(result.InternalError);
        Assert.StartsWith("target 'test': internal error: InvalidOperationException in BrokenRule.Evaluate", result.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InternalError, ExitCodes.For(report, Audit.Policy.Severity.High));
        Assert.Contains("failed with an internal error: System.InvalidOperationException", harness.Logs.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, result.Error + harness.Logs.Text, StringComparison.Ordinal);
    }

    private sealed class BrokenRule : ITokenRule
    {
        public PolicyRuleDescriptor Descriptor { get; } = new("TG2099", "broken", Audit.Policy.Severity.Low, "A rule with a bug");

        public string? Evaluate(Token token, PolicyContext context) => throw new InvalidOperationException(Canary + " " + token.Id);
    }
}
