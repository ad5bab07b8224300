namespace TokenGovernance.Analyzers.Tests;

/// <summary>Token-shaped test values. None of them is a live token; V2 is InfluxData's public sample from influxdb#15304.</summary>
internal static class TestTokens
{
    public const string V2 = "SEcG4SAM4EMik26ZEYHp7879S380FmkipYvGjIDty1-gvWtCuwnurEAyE5-2DOSdZqCQH2NzZwGLJAYf2vnj4g==";

    public const string V2Other = "EXAMPLE0svc0writer0BucketWrite0NotReal_EXAMPLE0svc0writer0BucketWrite0NotReal_EXAMPLEg==";

    public static readonly string V3 = "apiv3_" + new string('k', 80) + "Zq_-Aw";

    public static readonly string Dedicated = "apiv1_" + new string('Q', 70) + "+/xyz==";
}
