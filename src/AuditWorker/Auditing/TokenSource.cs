using TokenGovernance.AuditWorker.Configuration;

namespace TokenGovernance.AuditWorker.Auditing;

/// <summary>Reads a target's audit token from its file (re-read every audit, so rotation needs no restart) or variable.</summary>
public static class TokenSource
{
    public static async Task<string> ReadAsync(TargetOptions target, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(target.TokenFile))
        {
            string text;
            try
            {
                text = await File.ReadAllTextAsync(target.TokenFile, cancellationToken);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new TokenUnavailableException($"token file '{target.TokenFile}' cannot be read: {exception.GetType().Name}");
            }

            var token = text.Trim();
            return token.Length > 0 ? token : throw new TokenUnavailableException($"token file '{target.TokenFile}' is empty");
        }

        var variable = target.EffectiveTokenEnv;
        var value = Environment.GetEnvironmentVariable(variable)?.Trim();
        return string.IsNullOrEmpty(value)
            ? throw new TokenUnavailableException($"environment variable {variable} holds no token (set TokenFile or TokenEnv for target '{target.Name}')")
            : value;
    }
}

public sealed class TokenUnavailableException(string message) : Exception(message);
