using System.Text.Json.Nodes;
using TokenGovernance.AuditWorker.Tests.Support;

namespace TokenGovernance.AuditWorker.Tests.Remediation;

/// <summary>What the remediation tests run and read: a plan made by the CLI, and a journal's lines.</summary>
internal static class RemediateCli
{
    /// <summary>Runs <c>remediate plan</c> into a new file of <paramref name="directory"/>; it must exit 0.</summary>
    public static async Task<string> PlanAsync(string config, string directory)
    {
        var plan = Path.Combine(directory, $"plan-{Guid.NewGuid():N}.json");
        var (exitCode, _, stderr) = await TokengovProcess.RunAsync(["remediate", "plan", "--config", config, "--output", plan]);
        Assert.True(exitCode == 0, stderr);
        return plan;
    }

    public static List<JsonNode> Lines(string journal) =>
        File.ReadAllLines(journal).Where(line => line.Length > 0).Select(line => JsonNode.Parse(line)!).ToList();
}
