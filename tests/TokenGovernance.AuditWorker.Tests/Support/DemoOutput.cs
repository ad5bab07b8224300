using System.Text.RegularExpressions;

namespace TokenGovernance.AuditWorker.Tests.Support;

/// <summary>
/// What differs between two runs of the demo whatever the binary: times, durations, ports, the demo's temp folders,
/// the fingerprints of its token values (made up afresh by each run) and the plan's configuration digest (it covers
/// the demo's URLs).
/// </summary>
internal static partial class DemoOutput
{
    public static string Normalize(string output)
    {
        output = Timestamp().Replace(output, "<time>");
        output = Digest().Replace(output, "sha256:<digest>");
        output = Fingerprint().Replace(output, "<fingerprint>");
        output = Duration().Replace(output, "$1<seconds>");
        output = LoopbackPort().Replace(output, "127.0.0.1:<port>");
        return DemoFolder().Replace(output, "tokengov-demo-<folder>");
    }

    [GeneratedRegex(@"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d| UTC)?")]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"(""durationSeconds"": ?)\d+(\.\d+)?")]
    private static partial Regex Duration();

    [GeneratedRegex(@"sha256:[0-9a-f]{64}")]
    private static partial Regex Digest();

    [GeneratedRegex(@"\b[0-9a-f]{8}\b")]
    private static partial Regex Fingerprint();

    [GeneratedRegex(@"127\.0\.0\.1:\d+")]
    private static partial Regex LoopbackPort();

    [GeneratedRegex(@"tokengov-demo-[A-Za-z0-9]+")]
    private static partial Regex DemoFolder();
}
