using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Safety;

namespace TokenGovernance.Audit.Remediation;

/// <summary>
/// Writes and reads plan files. The digest covers the plan's JSON without the digest itself, so a plan edited by hand
/// (an action added, a state changed from pending to due) is refused; reading checks the schema version too.
/// </summary>
public static class PlanFile
{
    public const long MaxBytes = 64L * 1024 * 1024;

    public static RemediationPlan Seal(RemediationPlan plan) => plan with { Digest = DigestOf(plan) };

    public static async Task WriteAsync(RemediationPlan plan, Stream output, CancellationToken cancellationToken) =>
        await JsonSerializer.SerializeAsync(output, plan, RemediationJsonContext.Indented.RemediationPlan, cancellationToken);

    /// <summary>The plan in <paramref name="path"/>, checked; a problem is a <see cref="ConfigurationException"/> naming the file (exit 64).</summary>
    public static RemediationPlan Read(string path)
    {
        string text;
        try
        {
            text = InputFile.ReadAllText(path, MaxBytes, $"plan '{path}'");
        }
        catch (InputFileException exception)
        {
            throw new ConfigurationException(exception.Message, exception);
        }

        RemediationPlan? plan;
        try
        {
            plan = JsonSerializer.Deserialize(text, RemediationJsonContext.Indented.RemediationPlan);
        }
        catch (JsonException exception)
        {
            throw new ConfigurationException($"plan '{path}' is not a tokengov plan: {ServerText.OneLine(exception.Message)}", exception);
        }

        if (plan is null || plan.SchemaVersion != 1 || plan.Digest is null)
        {
            throw new ConfigurationException($"plan '{path}' is not a tokengov plan (schemaVersion 1 with a digest): make one with tokengov remediate plan");
        }

        if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(plan.Digest), System.Text.Encoding.ASCII.GetBytes(DigestOf(plan))))
        {
            throw new ConfigurationException($"plan '{path}' does not match its digest: it was changed after tokengov made it; make a new plan and review that one");
        }

        // The digest is no signature (anyone can recompute it): what the plan asks for is checked as well. An action
        // this version does not carry out is refused whole, never carried out as some other action.
        for (var index = 0; index < plan.Actions.Count; index++)
        {
            var action = plan.Actions[index];
            if (action.Action is not (KnownActions.Deactivate or ReissueFlow.Action))
            {
                throw new ConfigurationException($"plan '{path}' action {index + 1} (token {ServerText.OneLine(action.TokenId)}) has the unknown action '{ServerText.OneLine(action.Action)}': tokengov plans 'deactivate' and 'reissue' only");
            }

            if (action.State is not (ActionStates.Due or ActionStates.Pending or ActionStates.Refused))
            {
                throw new ConfigurationException($"plan '{path}' action {index + 1} (token {ServerText.OneLine(action.TokenId)}) has the unknown state '{ServerText.OneLine(action.State)}': 'due', 'pending' or 'refused'");
            }
        }

        return plan;
    }

    private static string DigestOf(RemediationPlan plan) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(plan with { Digest = null }, RemediationJsonContext.Compact.RemediationPlan)));
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(RemediationPlan))]
[JsonSerializable(typeof(JournalEntry))]
internal sealed partial class RemediationJsonContext : JsonSerializerContext
{
    /// <summary>One line: journal entries, and what the plan digest is computed over.</summary>
    public static RemediationJsonContext Compact => Default;

    /// <summary>The plan file, for people to review.</summary>
    public static RemediationIndentedJsonContext Indented => RemediationIndentedJsonContext.Default;
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never, AllowDuplicateProperties = false, WriteIndented = true)]
[JsonSerializable(typeof(RemediationPlan))]
internal sealed partial class RemediationIndentedJsonContext : JsonSerializerContext;
