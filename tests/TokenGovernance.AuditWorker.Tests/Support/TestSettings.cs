namespace TokenGovernance.AuditWorker.Tests.Support;

/// <summary>The settings every test target starts from: one target "test" at the double, short client timeouts.</summary>
internal static class TestSettings
{
    public static void ApplyDefaults(Dictionary<string, string?> settings, Uri url, string tokenFile)
    {
        settings["Targets:0:Name"] = "test";
        settings["Targets:0:Url"] = url.ToString();
        settings["Targets:0:TokenFile"] = tokenFile;
        settings["Policy:GenericUsers:Patterns:0"] = "svc-.*";
        settings["Client:RetryBaseDelay"] = "00:00:00.050";
        settings["Client:AttemptTimeout"] = "00:00:02";
        settings["Client:TotalTimeout"] = "00:00:10";
    }
}
