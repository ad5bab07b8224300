using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Safety;

namespace TokenGovernance.Audit.Auditing;

/// <summary>Reads a target's audit token from its file (re-read every audit, so rotation needs no restart) or variable.</summary>
public static class TokenSource
{
    /// <summary>No InfluxDB token comes near this; a larger "token file" is the wrong file.</summary>
    public const int MaxTokenFileBytes = 64 * 1024;

    public static async Task<string> ReadAsync(TargetOptions target, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(target.TokenFile))
        {
            var what = $"token file '{target.TokenFile}'";
            string text;
            try
            {
                text = await InputFile.ReadAllTextAsync(target.TokenFile, MaxTokenFileBytes, what, cancellationToken);
            }
            catch (InputFileException exception)
            {
                throw new TokenUnavailableException(exception.Message);
            }

            return Check(text.Trim(), what);
        }

        var variable = target.EffectiveTokenEnv;
        var value = Environment.GetEnvironmentVariable(variable)?.Trim();
        return string.IsNullOrEmpty(value)
            ? throw new TokenUnavailableException($"environment variable {variable} holds no token (set TokenFile or TokenEnv for target '{target.Name}')")
            : Check(value, $"environment variable {variable}");
    }

    /// <summary>A token is one line of printable characters; anything else would fail in a header, or be the wrong file. The message never holds the value.</summary>
    private static string Check(string token, string what)
    {
        if (token.Length == 0)
        {
            throw new TokenUnavailableException($"{what} is empty");
        }

        var lines = token.Count(character => character == '\n') + 1;
        if (lines > 1)
        {
            throw new TokenUnavailableException($"{what} holds {lines} lines; it must hold the token alone on one line");
        }

        if (token.Any(character => char.IsControl(character) || char.IsWhiteSpace(character)))
        {
            throw new TokenUnavailableException($"{what} holds white space or control characters (a NUL, a tab, a stray CR) inside the token");
        }

        return token;
    }
}

public sealed class TokenUnavailableException(string message) : Exception(message);
