using Microsoft.Extensions.Options;

namespace TokenGovernance.AuditWorker.Hosting.Authentication;

/// <summary>
/// <c>TokenGovernance:Http</c>: the authentication mode first (nothing else about it is checked past a wrong one), what
/// it needs, its cache range (<see cref="EndpointAuthenticationRanges"/>), then the TLS files.
/// </summary>
public sealed class HttpEndpointOptionsValidator : IValidateOptions<HttpEndpointOptions>
{
    public ValidateOptionsResult Validate(string? name, HttpEndpointOptions options)
    {
        var problems = new List<string>();
        Validate(options, problems);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void Validate(HttpEndpointOptions http, List<string> problems)
    {
        const string path = EndpointAuthenticationOptions.Section;
        var authentication = http.Authentication;
        var mode = authentication.Mode;
        if (mode is not (EndpointAuthenticationOptions.None or EndpointAuthenticationOptions.Bearer or EndpointAuthenticationOptions.Kubernetes))
        {
            problems.Add($"{path}:Mode '{mode}' is not 'none', 'bearer' or 'kubernetes'");
            return;
        }

        if (mode == EndpointAuthenticationOptions.None)
        {
            foreach (var (on, what) in new[] { (http.ExposeTokens, "ExposeTokens"), (http.ExposeReport, "ExposeReport"), (authentication.ProtectMetrics, "Authentication:ProtectMetrics") })
            {
                if (on)
                {
                    problems.Add($"{path}:Mode is 'none' while {HttpEndpointOptions.Section}:{what} is on: anyone who reaches the port would read it; set Mode to 'bearer' (with TokenFiles) or 'kubernetes' (TokenReview and SubjectAccessReview)");
                }
            }
        }

        if (mode == EndpointAuthenticationOptions.Bearer)
        {
            if (authentication.TokenFiles.Count == 0)
            {
                problems.Add($"{path}:TokenFiles is empty: Mode 'bearer' needs at least one file holding an accepted token");
            }

            for (var index = 0; index < authentication.TokenFiles.Count; index++)
            {
                if (!File.Exists(authentication.TokenFiles[index]))
                {
                    problems.Add($"{path}:TokenFiles:{index} '{authentication.TokenFiles[index]}' does not exist");
                }
            }
        }

        if (new EndpointAuthenticationRanges().Validate(null, authentication) is { Failed: true } ranges)
        {
            problems.AddRange(ranges.Failures);
        }

        var tls = http.Tls;
        if (tls.IsConfigured != !string.IsNullOrWhiteSpace(tls.KeyFile))
        {
            problems.Add($"{HttpEndpointOptions.Section}:Tls needs both CertificateFile and KeyFile");
        }
        else if (tls.IsConfigured && CertificateFiles.Problem(tls.CertificateFile!, tls.KeyFile!) is { } problem)
        {
            problems.Add($"{HttpEndpointOptions.Section}:Tls: {problem}");
        }
    }
}
